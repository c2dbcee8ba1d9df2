ratio = 2 ** -1
print(ratio % 0)
