data = bytearray(b"abcd")
print("  x  ".strip(), "--y--".strip("-"))
data[1:3] = b"z"
print(data)
