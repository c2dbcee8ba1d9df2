# The attribute caches skip their walk of the __mro__ while no dict gained a
# key and no class was made or cleared: a base gaining or losing a descriptor,
# a method added to a subclass or an instance, and classes made and dropped
# in a loop (their ids reused) must still be seen.
class A:
    def __init__(self):
        self.x = 1
    def m(self):
        return "A.m"

class B(A):
    pass

def read(o):
    return o.x, o.m()

b = B()
print(read(b), read(b))
A.x = property(lambda self: "prop")   # a base gains a data descriptor
print(read(b))
del A.x
print(read(b))
B.m = lambda self: "B.m"
print(read(b))
b.m = lambda: "own"
print(read(b))
del b.m
print(read(b))
# classes made and dropped in a loop, with the same shapes
out = []
for i in range(5):
    C = type("C", (), {})
    D = type("D", (C,), {})
    d = D()
    d.v = i
    out.append(d.v)
    if i == 2:
        C.v = property(lambda self: "pv")
    del C, D, d
print(out)
for i in range(4):
    class K:
        pass
    class L(K):
        if i % 2:
            v = property(lambda self: "class")
    l = L()
    try:
        l.v = i
    except AttributeError as e:
        print("err", e)
    print(l.v)
