import sys
def one(p):
    return sys.getrefcount(p)
def two(p):
    return one(p)
def three(p, q):
    return sys.getrefcount(p)
def local_only():
    z = []
    return sys.getrefcount(z)
def local_alias():
    z = []
    w = z
    return sys.getrefcount(z)
o = []
print(sys.getrefcount(o))
print(one(o))
print(two(o))
print(three(o, o))
print(local_only())
print(local_alias())
print(one([]))
print(sys.getrefcount([]))
print(sys.getrefcount(o))
