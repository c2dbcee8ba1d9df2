print("abc".upper())
print(hasattr("abc", "title"))
