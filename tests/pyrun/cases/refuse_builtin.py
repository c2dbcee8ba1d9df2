x = [1]
print(len(x))
print(divmod(7, 2), pow(2, 5))
print(memoryview(b"ab"))
