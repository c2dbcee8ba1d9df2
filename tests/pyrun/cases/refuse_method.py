print("abc".upper())
print(hasattr("abc", "translate"))
