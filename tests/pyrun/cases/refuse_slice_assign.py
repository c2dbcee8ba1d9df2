data = range(4)
print("  x  ".strip(), "--y--".strip("-"))
part = data[1:3]
print(part)
table = {0: "a"}
print(table[1:3])
