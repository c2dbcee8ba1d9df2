import sys
x = object()
print(sys.getrefcount(x))
box = [x, x, x]
print(sys.getrefcount(x))
box.append(x)
print(sys.getrefcount(x))
box.pop()
print(sys.getrefcount(x))
many = [x] * 10
print(sys.getrefcount(x))
many.extend(box)
print(sys.getrefcount(x))
box.clear()
print(sys.getrefcount(x))
del many
print(sys.getrefcount(x))
