import sys
import gc


class Vector:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __repr__(self):
        return "Vector(%r, %r)" % (self.x, self.y)

    def __add__(self, other):
        if not isinstance(other, Vector):
            return NotImplemented
        return Vector(self.x + other.x, self.y + other.y)

    def __sub__(self, other):
        return Vector(self.x - other.x, self.y - other.y)

    def __mul__(self, k):
        return Vector(self.x * k, self.y * k)

    def __rmul__(self, k):
        return self * k

    def __neg__(self):
        return Vector(-self.x, -self.y)

    def __eq__(self, other):
        return isinstance(other, Vector) and self.x == other.x and self.y == other.y

    def __abs__(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5

    def __bool__(self):
        return self.x != 0 or self.y != 0


a = Vector(1, 2)
b = Vector(3, 4)
print(a + b, a - b, a * 3, 2 * a, -a)
print(a == Vector(1, 2), a != Vector(1, 2), a == b, a != b, a == 5)
print(bool(Vector(0, 0)), bool(a), not a)
c = a
c += b
print(c, a, c is a)
try:
    a + 1
except TypeError as e:
    print("TypeError:", e)
try:
    hash(a)
except TypeError as e:
    print("TypeError:", e)
print(Vector.__hash__)
print(a in [Vector(0, 0), Vector(1, 2)], [a, b] == [Vector(1, 2), Vector(3, 4)])
print([a].index(Vector(1, 2)), [a, b, a].count(a))
print(sys.getrefcount(a), sys.getrefcount(b))
gc.collect()
before = gc.get_count()
total = Vector(0, 0)
for i in range(100):
    total = total + Vector(i, 1)
print(total, gc.get_count()[0] - before[0])


class Money:
    def __init__(self, cents):
        self.cents = cents

    def __lt__(self, other):
        return self.cents < other.cents

    def __le__(self, other):
        return self.cents <= other.cents

    def __repr__(self):
        return "Money(%d)" % self.cents


prices = [Money(300), Money(150), Money(999), Money(20)]
print(sorted(prices), min(prices), max(prices))
print(Money(1) < Money(2), Money(3) > Money(2), Money(2) >= Money(2))
try:
    Money(1) == Money(1)
    print(Money(1) == Money(1), Money(1) != Money(1))
except TypeError as e:
    print("TypeError:", e)
