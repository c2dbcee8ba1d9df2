import sys
class Thing:
    def m(self):
        return sys.getrefcount(self)
    def pass_on(self):
        return helper(self)
def helper(o):
    return sys.getrefcount(o)
t = Thing()
print(sys.getrefcount(t))
print(t.m())
print(t.pass_on())
bm = t.m
print(sys.getrefcount(t))
print(bm())
del bm
print(sys.getrefcount(t))
a = Thing()
a.peer = t
t.peer = a
print(sys.getrefcount(t), sys.getrefcount(a))
print(isinstance(t, Thing), type(t) is Thing)
