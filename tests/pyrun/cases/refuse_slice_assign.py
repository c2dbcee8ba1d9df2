data = range(4)
print("  x  ".strip(), "--y--".strip("-"))
part = data[1:3]
print(part)
