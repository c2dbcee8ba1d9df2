# Exact arithmetic with fractions.Fraction, the way a tutorial introduces it:
# 0.1 + 0.2 versus Fraction, harmonic numbers, Egyptian fractions,
# limit_denominator for pi, and what a Fraction costs in memory.
import sys
from fractions import Fraction

print(0.1 + 0.2 == 0.3, Fraction(1, 10) + Fraction(2, 10) == Fraction(3, 10))
print(Fraction("0.1") + Fraction("0.2"), Fraction(0.1) == Fraction("0.1"))
print(Fraction(0.1))

# construction: ints, strings, floats, other fractions
for arg in [(3, 4), (6, -8), (0, 5), ("2/3",), (" -1.5 ",), ("3e-2",), (2.75,), (Fraction(7, 3),), (7,)]:
    f = Fraction(*arg)
    print(repr(arg), "->", f, repr(f), f.numerator, f.denominator)

# harmonic numbers H(n) = 1 + 1/2 + ... + 1/n
h = Fraction(0)
for n in range(1, 11):
    h += Fraction(1, n)
    print(n, h, float(h))

# a greedy Egyptian fraction
def egyptian(frac):
    parts = []
    while frac.numerator != 0:
        d = -(-frac.denominator // frac.numerator)
        parts.append(Fraction(1, d))
        frac -= Fraction(1, d)
    return parts

print(" + ".join(str(p) for p in egyptian(Fraction(7, 15))))
print(sum(egyptian(Fraction(5, 121))))

# mixing with ints and floats
x = Fraction(5, 4)
print(x + 1, 2 * x, x / 3, 1 / x, x ** 2, x ** -1, 2 ** Fraction(3), x // 1, x % 1, -x, abs(-x))
print(x + 0.25, 0.5 * x, x ** 0.5, x > 1, x == 1.25, x < 1.3, 1 < x <= 2)
print(sorted([Fraction(1, 3), Fraction(1, 4), 0.3, 1, Fraction(2, 7)]))
print(max(Fraction(22, 7), Fraction(355, 113)), min(Fraction(-1, 2), -0.4))

# rounding and conversion
y = Fraction(-17, 6)
print(int(y), round(y), round(y, 2), round(Fraction(5, 2)), round(Fraction(7, 2)), float(y))
import math
print(math.floor(y), math.ceil(y), math.trunc(y))
print(y.as_integer_ratio(), bool(Fraction(0)), bool(y))

# approximating pi
pi = Fraction(math.pi)
for limit in (10, 100, 1000, 100000):
    approx = pi.limit_denominator(limit)
    print(limit, approx, float(approx) - math.pi)
print(Fraction("3.14159265358979").limit_denominator(), Fraction(1, 3).limit_denominator(2))

# hashing agrees with ints and floats
print(hash(Fraction(3)) == hash(3), hash(Fraction(1, 2)) == hash(0.5), hash(Fraction(1, 3)))
print(len({Fraction(1, 2), 0.5, Fraction(2, 4)}))

# memory: __slots__, no __dict__, shared ints
f = Fraction(10**30, 7)
print(sys.getsizeof(f), sys.getsizeof(f.numerator), sys.getsizeof(Fraction(1, 2)))
print(hasattr(f, "__dict__"), type(f).__slots__)
big = 10**40 + 1
g = Fraction(big)
print(g.numerator is big, sys.getrefcount(big))
print(Fraction(g).numerator is big)
import gc
print(gc.is_tracked(Fraction(1, 2)))
try:
    Fraction(1, 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    Fraction("one half")
except ValueError as e:
    print("ValueError:", e)
try:
    Fraction(3, 4) / 0
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
