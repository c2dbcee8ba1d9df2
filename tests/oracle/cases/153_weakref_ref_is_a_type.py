# weakref.ref is a class (weakref.ReferenceType), not a function.
import sys
import weakref


class Session:
    pass


s = Session()
r = weakref.ref(s)
print(type(r))
print(type(r).__name__, type(r) is weakref.ref, weakref.ReferenceType is weakref.ref)
print(isinstance(r, weakref.ref), r() is s, sys.getrefcount(s))
r2 = weakref.ref(s)
print(r2 is r, weakref.getweakrefcount(s))
try:
    weakref.ref()
except TypeError as e:
    print("TypeError:", e)
try:
    weakref.ref(s, callback=None)
except TypeError as e:
    print("TypeError:", e)
try:
    r + 1
except TypeError as e:
    print("TypeError:", e)
del s
print(r(), r2())
