import sys

x = []
print("fresh list:", sys.getrefcount(x))
y = x
print("second name:", sys.getrefcount(x))
container = [x, x, x]
print("in a list 3 times:", sys.getrefcount(x))
d = {"key": x}
print("as a dict value:", sys.getrefcount(x))


def inspect_arg(obj):
    return sys.getrefcount(obj)


print("inside a call:", inspect_arg(x))
del container
print("list deleted:", sys.getrefcount(x))
d.clear()
del y
print("back to one name:", sys.getrefcount(x))


class Thing:
    def method(self):
        return sys.getrefcount(self)


t = Thing()
print("self in a method:", t.method())
bound = t.method
print("bound method holds it:", sys.getrefcount(t))
