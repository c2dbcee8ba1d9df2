count = 1
print(count)
print(cuont)
print("not reached")
