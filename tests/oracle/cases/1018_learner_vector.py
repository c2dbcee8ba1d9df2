import math
class Vector:
    """A 2D vector, as in every OOP tutorial."""
    __slots__ = ("x", "y")
    def __init__(self, x=0.0, y=0.0):
        self.x = x
        self.y = y
    def __repr__(self):
        return f"Vector({self.x!r}, {self.y!r})"
    def __str__(self):
        return f"({self.x}, {self.y})"
    def __add__(self, other):
        if not isinstance(other, Vector):
            return NotImplemented
        return Vector(self.x + other.x, self.y + other.y)
    def __sub__(self, other):
        return Vector(self.x - other.x, self.y - other.y)
    def __mul__(self, k):
        return Vector(self.x * k, self.y * k)
    __rmul__ = __mul__
    def __neg__(self):
        return Vector(-self.x, -self.y)
    def __abs__(self):
        return math.hypot(self.x, self.y)
    def __bool__(self):
        return bool(abs(self))
    def __eq__(self, other):
        return isinstance(other, Vector) and (self.x, self.y) == (other.x, other.y)
    def __hash__(self):
        return hash((self.x, self.y))
    def __iter__(self):
        yield self.x
        yield self.y
    def __getitem__(self, i):
        return (self.x, self.y)[i]
    def __len__(self):
        return 2
    def __format__(self, spec):
        return "<" + ", ".join(format(c, spec) for c in self) + ">"
v = Vector(3, 4)
w = Vector(1.5, -2)
print(v, repr(w), v + w, v - w, v * 2, 3 * w, -v, abs(v), bool(Vector()))
print(v == Vector(3, 4), v != w, len({v, Vector(3, 4), w}))
x, y = v
print(x, y, v[0], v[-1], list(v), tuple(w), f"{w:.2f}", format(v, "05"))
try:
    v + 1
except TypeError as e:
    print("TypeError:", e)
try:
    v.z = 1
except AttributeError as e:
    print("AttributeError:", e)
import sys
print(sys.getsizeof(v), hasattr(v, "__dict__"))
print(sorted([Vector(2, 2), Vector(0, 1), Vector(5, 0)], key=abs))
print(max([v, w], key=lambda p: p.x), sum([v, w], Vector()))
