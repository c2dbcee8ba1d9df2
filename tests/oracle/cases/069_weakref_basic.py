import weakref
import sys
class K:
    pass
k = K()
r = weakref.ref(k)
print(r() is k)
print(sys.getrefcount(k))
r2 = weakref.ref(k)
print(r2 is r)
print(sys.getrefcount(r))
del k
print(r() is None)
print(r())
