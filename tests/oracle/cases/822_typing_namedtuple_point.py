import sys
from typing import NamedTuple

class Point(NamedTuple):
    """A point in the plane."""
    x: float
    y: float = 0.0

    def norm(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5

    def __str__(self):
        return f"({self.x}, {self.y})"

p = Point(3.0, 4.0)
print(p, repr(p), p.norm(), p.x, p[1], len(p))
print(Point(1.5), Point._fields, Point._field_defaults, Point.__annotations__)
print(Point.__doc__, Point.__qualname__, Point.__mro__)
print(sys.getsizeof(p), isinstance(p, tuple), p._asdict(), p._replace(y=1.0))
x, y = p
print(x + y, p == (3.0, 4.0), hash(p) == hash((3.0, 4.0)))
Employee = NamedTuple("Employee", [("name", str), ("id", int)])
e = Employee("Ada", 1)
print(e, Employee._fields, Employee.__annotations__, type(e).__name__)
try:
    class Bad(NamedTuple):
        a: int = 1
        b: int
except TypeError as err:
    print("TypeError:", err)
try:
    class Worse(NamedTuple):
        a: int
        def _asdict(self):
            return {}
except AttributeError as err:
    print("AttributeError:", err)
print(Point.__orig_bases__ == (NamedTuple,))
