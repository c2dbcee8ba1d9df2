data = "naïve café".encode("utf-8")
print(data.decode("utf-8", errors="replace"))
text = data.decode("ascii")
