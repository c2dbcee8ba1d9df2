# Money as an int and a 2-D vector as a tuple, with their own operators,
# the way books show "inheriting from a built-in and overriding +".
import sys


class Money(int):
    def __add__(self, other):
        print("  Money.__add__")
        return Money(super().__add__(other))

    __radd__ = __add__

    def __sub__(self, other):
        return Money(int(self) - int(other))

    def __neg__(self):
        return Money(-int(self))

    def __abs__(self):
        return Money(int.__abs__(self))

    def __repr__(self):
        return f"${int(self)}"


wallet = Money(20)
print(wallet + 5, 5 + wallet, wallet - 30, -wallet, abs(Money(-4)))
print(sum([Money(1), Money(2), Money(3)]))
total = Money(0)
for coin in (Money(5), Money(10)):
    total += coin
print(total, type(total).__name__, wallet * 2, type(wallet * 2).__name__)
print(sys.getsizeof(wallet), sys.getrefcount(wallet))


class Vec(tuple):
    def __new__(cls, x, y):
        return super().__new__(cls, (x, y))

    def __add__(self, other):
        return Vec(self[0] + other[0], self[1] + other[1])

    def __mul__(self, k):
        return Vec(self[0] * k, self[1] * k)

    __rmul__ = __mul__

    def __neg__(self):
        return self * -1

    def __abs__(self):
        return (self[0] ** 2 + self[1] ** 2) ** 0.5


a, b = Vec(1, 2), Vec(3, 4)
print(a + b, a * 3, 3 * a, -a, abs(b))
print(a + (10, 10), (10, 10) + a, tuple.__add__(a, b))
path = [a, b, Vec(0, 1)]
acc = Vec(0, 0)
for step in path:
    acc += step
print(acc, sys.getsizeof(acc), sys.getrefcount(acc))


class Bits(list):
    def __or__(self, other):
        return Bits(x | y for x, y in zip(self, other))

    def __invert__(self):
        return Bits(1 - x for x in self)


mask = Bits([1, 0, 0]) | Bits([0, 0, 1])
print(mask, ~mask, mask + [9], type(mask + [9]).__name__)
mask += [7]
print(mask, type(mask).__name__, sys.getsizeof(mask))
