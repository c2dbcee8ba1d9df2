# The same point as a plain dataclass and as a slotted one: the slotted
# instance has no __dict__ and is smaller.
import gc
import sys
from dataclasses import dataclass, fields, asdict, astuple, is_dataclass


@dataclass
class Point:
    x: int
    y: int


@dataclass(slots=True)
class SlotPoint:
    x: int
    y: int


p = Point(1, 2)
s = SlotPoint(1, 2)
print(p, s, p == Point(1, 2), s == SlotPoint(1, 2))
print(sys.getsizeof(p), sys.getsizeof(s))
print(hasattr(p, "__dict__"), hasattr(s, "__dict__"), SlotPoint.__slots__)
try:
    s.z = 3
except AttributeError as e:
    print("AttributeError:", e)
print([f.name for f in fields(Point)], [f.name for f in fields(s)])
print(is_dataclass(p), is_dataclass(Point), is_dataclass(5))
print(asdict(p), astuple(s))
gc.collect()
print(gc.collect())
