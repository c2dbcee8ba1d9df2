import sys
k = (1, 2)
v = [0]
d = {}
print(sys.getrefcount(v))
d[1] = v
d[2] = v
print(sys.getrefcount(v))
d[1] = None
print(sys.getrefcount(v))
d[k] = v
print(sys.getrefcount(k), sys.getrefcount(v))
del d[2]
print(sys.getrefcount(v))
d.clear()
print(sys.getrefcount(k), sys.getrefcount(v))
e = {"a": v, "b": v, "c": v}
print(sys.getrefcount(v))
e = None
print(sys.getrefcount(v))
