# total_ordering: define == and one ordering, get the other three.
import gc
import sys
from functools import total_ordering


@total_ordering
class Version:
    def __init__(self, text):
        self.parts = tuple(int(p) for p in text.split("."))

    def __eq__(self, other):
        return self.parts == other.parts

    def __lt__(self, other):
        return self.parts < other.parts

    def __repr__(self):
        return "v" + ".".join(str(p) for p in self.parts)


a, b, c = Version("1.2"), Version("1.10"), Version("1.2.0")
print(a < b, a > b, a <= b, a >= b, b >= a, a == Version("1.2"))
print(a <= Version("1.2"), a >= Version("1.2"), c > a, c >= a)
print(sorted([b, a, c]), max(a, b, c), min([c, b]))
print(sorted([b, a, c], reverse=True))
print(hasattr(Version, "__gt__"), hasattr(Version, "__ge__"))


@total_ordering
class Money:
    def __init__(self, cents):
        self.cents = cents

    def __eq__(self, other):
        return self.cents == other.cents

    def __gt__(self, other):
        return self.cents > other.cents


m1, m2 = Money(100), Money(250)
print(m1 < m2, m1 <= m2, m1 >= m2, m2 >= m2, m1 <= m1)


@total_ordering
class Height:
    def __init__(self, cm):
        self.cm = cm

    def __le__(self, other):
        return self.cm <= other.cm


h1, h2 = Height(170), Height(180)
print(h1 < h2, h1 > h2, h1 >= h2, h2 >= h1)
try:
    @total_ordering
    class Nothing:
        pass
except ValueError as e:
    print("ValueError:", e)
print(sys.getrefcount(Version), gc.is_tracked(a))


@total_ordering
class Tiny:
    def __init__(self, n):
        self.n = n

    def __lt__(self, other):
        return self.n < other.n


print(Tiny(1) > Tiny(0), Tiny(1) >= Tiny(1), Tiny(2) <= Tiny(1))
