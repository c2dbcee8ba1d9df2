# An int subclass for money in cents, the kind of thing item 1 of the
# issue is about.
class Cents(int):
    def __new__(cls, value):
        return super().__new__(cls, round(value))
    def __repr__(self):
        return f"Cents({int(self)})"
    def __str__(self):
        return f"${self / 100:,.2f}"
    def __add__(self, other):
        return Cents(int.__add__(self, other))
    __radd__ = __add__
    def __mul__(self, k):
        return Cents(int(self) * k)
    def __float__(self):
        return int(self) / 100
prices = [Cents(199), Cents(250), Cents(1000)]
total = sum(prices)
print(total, repr(total), type(total).__name__, float(total), int(total))
print(prices[0] * 3, prices[1] * 1.5, total > 1000, sorted(prices, reverse=True))
print(f"{float(total):.1f}", "%.2f" % total, hex(Cents(255)), [1, 2, 3][Cents(1)])
import math
print(math.floor(total), math.sqrt(Cents(400)), round(Cents(1234), -2))
class Percent(float):
    def __str__(self):
        return f"{self * 100:.1f}%"
    def __index__(self):
        return round(self * 100)
rate = Percent(0.075)
print(rate, float(rate), rate * 2, int(rate), "abcdefghij"[rate], range(rate))
