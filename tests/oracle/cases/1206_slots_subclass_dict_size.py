# How big is the __dict__ of an instance whose class mixes __slots__ and a dict?
import sys


class Base:
    def __init__(self):
        self.id = 1


class Child(Base):
    def __init__(self):
        super().__init__()
        self.extra = 2


class WithSlot(Child):
    __slots__ = ("more",)


class EmptySlots(Child):
    __slots__ = ()


for cls in (Base, Child, WithSlot, EmptySlots):
    obj = cls()
    print(cls.__name__, sys.getsizeof(obj), sys.getsizeof(obj.__dict__), sorted(vars(obj)))

w = WithSlot()
w.more = 5
print("slot set:", sys.getsizeof(w.__dict__))


class Point:
    __slots__ = ("x", "y")


class LabelledPoint(Point):
    pass


p = LabelledPoint()
p.x, p.y = 1, 2
p.label = "origin"
p.colour = "red"
print(sys.getsizeof(p), sys.getsizeof(p.__dict__), p.__dict__)
q = LabelledPoint()
q.label = "q"
print(sys.getsizeof(q.__dict__))
del p.colour
print(sys.getsizeof(p.__dict__))
