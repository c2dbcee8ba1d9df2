x = [1, 2]
print(x[0] + x[1] + x[9])
