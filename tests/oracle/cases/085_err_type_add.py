a = 1
b = "2"
print("before")
print(a + b)
