print("abc".upper())
print(hasattr("abc", "__getnewargs__"))
