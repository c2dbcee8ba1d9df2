# Instances of a class, with and without __slots__
import tracemalloc


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


class SlotPoint:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y


tracemalloc.start()
a, _ = tracemalloc.get_traced_memory()
plain = [Point(i, i) for i in range(1000)]
b, _ = tracemalloc.get_traced_memory()
slotted = [SlotPoint(i, i) for i in range(1000)]
c, _ = tracemalloc.get_traced_memory()
print("plain:", b - a)
print("slots:", c - b)
tracemalloc.stop()
