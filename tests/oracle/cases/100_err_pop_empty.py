a = []
a.append(1)
print(a.pop())
a.pop()
