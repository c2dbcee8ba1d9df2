# Building objects from unpacked arguments: cls(*args, **kwargs), as factories and decorators do.
import sys, gc
class Point:
    def __init__(self, x, y=0, *, label=None):
        print("init sees", sys.getrefcount(self), sys.getrefcount(x))
        self.x, self.y, self.label = x, y, label
o = object()
args = (o, 2)
p = Point(*args)
q = Point(*[o], **{"label": "q"})
r = Point(o, **{"y": 5})
print(p.x is o, q.label, r.y, sys.getrefcount(o))
class Empty:
    pass
e = Empty(*[])
try:
    Empty(*[1])
except TypeError as err:
    print("TypeError:", err)
class MyError(Exception):
    pass
t = ("bad", 1)
err = MyError(*t)
print(err.args, err.args is t, sys.getrefcount(t))
print(list(*[(1, 2)]), dict(**{"a": 1}), int(*["42"]), tuple(*[[3, 4]]), set(*[[5]]))
def singleton(cls):
    instances = {}
    def get(*args, **kwargs):
        if cls not in instances:
            instances[cls] = cls(*args, **kwargs)
        return instances[cls]
    return get
@singleton
class Config:
    def __init__(self, name="default"):
        self.name = name
a = Config("app"); b = Config()
print(a is b, a.name)
