import sys
def make(obj):
    def inner():
        return obj
    return inner
x = []
print(sys.getrefcount(x))
f = make(x)
print(sys.getrefcount(x))
g = make(x)
print(sys.getrefcount(x))
print(sys.getrefcount(f))
del f
print(sys.getrefcount(x))
h = g
print(sys.getrefcount(g))
g = None
h = None
print(sys.getrefcount(x))
