print("abc".upper())
print(hasattr("abc", "format_map"))
