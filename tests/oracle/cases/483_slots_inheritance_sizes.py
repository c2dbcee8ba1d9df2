# __slots__ along a hierarchy: a subclass without __slots__ brings the __dict__ back.
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


class Tagged(Named):
    __slots__ = ("tag", "__dict__")


b = Base(0)
n = Named(1, "n")
l = Loose(2, "l")
l.extra = "allowed"
t = Tagged(3, "t")
t.tag = "x"
t.more = 1
print(sys.getsizeof(b), sys.getsizeof(n), sys.getsizeof(l), sys.getsizeof(t))
print(hasattr(n, "__dict__"), hasattr(l, "__dict__"), l.__dict__, t.__dict__)
print(Named.__slots__, Tagged.__slots__, Loose.__mro__[1].__name__)
print([s for c in Tagged.__mro__ for s in getattr(c, "__slots__", ())])
print(Named.name, Base.id, type(Base.id).__name__)
print(Named.name.__name__, Named.name.__objclass__.__name__)
print(sys.getsizeof(Base), sys.getsizeof(Loose), sys.getsizeof(Tagged))
print(sys.getsizeof(Named.name))
print(n.id, n.name, l.id, l.name, t.id, t.name, t.tag)
