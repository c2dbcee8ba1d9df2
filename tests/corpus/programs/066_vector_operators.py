import math


class Vector:
    def __init__(self, x=0, y=0):
        self.x, self.y = x, y

    def __repr__(self):
        return f"Vector({self.x}, {self.y})"

    def __add__(self, other):
        return Vector(self.x + other.x, self.y + other.y)

    def __sub__(self, other):
        return Vector(self.x - other.x, self.y - other.y)

    def __mul__(self, k):
        return Vector(self.x * k, self.y * k)

    __rmul__ = __mul__

    def __abs__(self):
        return math.hypot(self.x, self.y)

    def __bool__(self):
        return bool(self.x or self.y)

    def __eq__(self, other):
        return (self.x, self.y) == (other.x, other.y)

    def __neg__(self):
        return self * -1

    def __iter__(self):
        yield self.x
        yield self.y


v, w = Vector(3, 4), Vector(1, -1)
print(v + w, v - w, v * 2, 3 * w, -v)
print(abs(v), bool(Vector()), bool(w))
x, y = v
print(x, y, list(v + w), v == Vector(3, 4))
total = sum([v, w, Vector(10, 10)], Vector())
print(total)
v += w
print(v)
