s = "n="
print(s + 5)
