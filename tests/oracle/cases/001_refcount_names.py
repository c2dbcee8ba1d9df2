import sys
a = []
print(sys.getrefcount(a))
b = a
print(sys.getrefcount(a))
c = b
d = c
print(sys.getrefcount(a))
del b
print(sys.getrefcount(a))
c = 5
d = None
print(sys.getrefcount(a))
a2 = a
a = None
print(sys.getrefcount(a2))
