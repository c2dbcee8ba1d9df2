x = 0
print(7 % x)
