# A Point with and without __slots__: what each instance costs.
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
print("dict-based instance:", sys.getsizeof(a))
print("slotted instance:", sys.getsizeof(b))
print("its __dict__:", sys.getsizeof(a.__dict__))
print("has __dict__:", hasattr(a, "__dict__"), hasattr(b, "__dict__"))
print("class sizes:", sys.getsizeof(PointDict), sys.getsizeof(PointSlots))
points = [PointSlots(i, i * 2) for i in range(10000)]
plain = [PointDict(i, i * 2) for i in range(10000)]
total_slots = sum(sys.getsizeof(p) for p in points)
total_plain = sum(sys.getsizeof(p) for p in plain)
print("10,000 slotted:", total_slots)
print("10,000 plain:", total_plain)
print("saved per instance:", (total_plain - total_slots) // 10000)
print(points[9999].x, points[9999].y, plain[5].y)
