print(7 // 2)
x = 0
print(7 / x)
