import sys
a = []
t = (a, a)
print(sys.getrefcount(a))
u = (t, t, t)
print(sys.getrefcount(a), sys.getrefcount(t))
v = [u]
print(sys.getrefcount(u))
del t
print(sys.getrefcount(a))
del u
print(sys.getrefcount(a))
v.clear()
print(sys.getrefcount(a))
