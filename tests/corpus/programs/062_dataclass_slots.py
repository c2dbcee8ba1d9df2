import sys
from dataclasses import dataclass


@dataclass
class Plain:
    x: int
    y: int


@dataclass(slots=True)
class Slotted:
    x: int
    y: int


p = Plain(1, 2)
s = Slotted(1, 2)
print(p, s)
print(sys.getsizeof(p), sys.getsizeof(s))
print(hasattr(p, "__dict__"), hasattr(s, "__dict__"))
print(Slotted.__slots__)
try:
    s.z = 3
except AttributeError as e:
    print("AttributeError")
print(p == Plain(1, 2), s == Slotted(1, 2))
