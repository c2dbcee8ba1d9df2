import sys


class Base:
    __slots__ = ("id",)

    def __init__(self, id):
        self.id = id


class Named(Base):
    __slots__ = ("name",)

    def __init__(self, id, name):
        super().__init__(id)
        self.name = name


class Loose(Named):
    pass


n = Named(1, "n")
l = Loose(2, "l")
l.extra = "allowed"
print(sys.getsizeof(Base(0)), sys.getsizeof(n))
print(hasattr(n, "__dict__"), hasattr(l, "__dict__"), l.__dict__)
print(Named.__slots__, Loose.__mro__[1].__name__)
print([s for c in Loose.__mro__ for s in getattr(c, "__slots__", ())])

class WithWeak:
    __slots__ = ("value", "__weakref__")

import weakref
w = WithWeak()
w.value = 5
r = weakref.ref(w)
print(r().value)
try:
    weakref.ref(n)
except TypeError as e:
    print("TypeError:", e)
