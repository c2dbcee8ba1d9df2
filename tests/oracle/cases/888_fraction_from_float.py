# Why 0.1 is not 1/10: Fraction.from_float shows the exact value a float
# holds, and limit_denominator finds the simple fraction near it.
from fractions import Fraction
import sys

for x in [0.1, 0.25, 0.5, 1.1, 2.675, 1e-3]:
    f = Fraction.from_float(x)
    print(f"{x!r:>7} is exactly {f}  (~{f.limit_denominator(1000)})")

print(Fraction.from_float(0.1) == Fraction(1, 10))
print(Fraction.from_float(0.1) == Fraction(0.1), Fraction.from_float(0.1) > Fraction(1, 10))
print(Fraction.from_float(7), Fraction.from_float(-3), Fraction.from_float(False), Fraction(True))

half = Fraction.from_float(0.5)
print(repr(half), half.numerator, half.denominator, sys.getsizeof(half))
print(half + Fraction(1, 3), half * 3, float(half))
print(Fraction.from_float(0.5) == 0.5, hash(Fraction.from_float(0.5)) == hash(0.5))

class Money(Fraction):
    def __str__(self):
        return f"${float(self):.2f}"

price = Money.from_float(19.99)
print(type(price).__name__, price, repr(price) == repr(Fraction(19.99)))

for bad in ["0.1", None, [1], float("inf"), float("nan")]:
    try:
        Fraction.from_float(bad)
    except (TypeError, ValueError, OverflowError) as e:
        print(type(e).__name__ + ":", e)

# accumulating prices exactly, then rounding once
prices = [0.1, 0.2, 0.3]
exact = sum(Fraction.from_float(p) for p in prices)
print(exact == Fraction(3, 5), float(exact), sum(prices))
print(Fraction(str(0.1)) + Fraction(str(0.2)) == Fraction(3, 10))
