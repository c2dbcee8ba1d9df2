import sys


class PointDict:
    def __init__(self, x, y):
        self.x = x
        self.y = y


class PointSlots:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y


a = PointDict(1, 2)
b = PointSlots(1, 2)
print("dict instance:", sys.getsizeof(a))
print("slots instance:", sys.getsizeof(b))
print("has __dict__:", hasattr(a, "__dict__"), hasattr(b, "__dict__"))
print(type(PointSlots.x).__name__)
try:
    b.z = 3
except AttributeError as e:
    print("AttributeError:", e)
points = [PointSlots(i, i) for i in range(1000)]
print(sum(sys.getsizeof(p) for p in points))
del b.x
try:
    print(b.x)
except AttributeError as e:
    print("AttributeError:", e)
