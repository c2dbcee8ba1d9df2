# A classic comparison: the same point as a plain class, with __slots__, as a
# dataclass and as a namedtuple, measured with tracemalloc.
import tracemalloc
from collections import namedtuple
from dataclasses import dataclass


class PlainPoint:
    def __init__(self, x, y):
        self.x = x
        self.y = y


class SlotPoint:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y


@dataclass
class DataPoint:
    x: int
    y: int


TuplePoint = namedtuple("TuplePoint", ["x", "y"])


def measure(cls, n=10_000):
    tracemalloc.start()
    objs = [cls(i, i) for i in range(n)]
    current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return current, peak


for cls in (PlainPoint, SlotPoint, DataPoint, TuplePoint):
    current, peak = measure(cls)
    print(f"{cls.__name__:12} current={current / 1024:8.1f} KiB  peak={peak / 1024:8.1f} KiB")
