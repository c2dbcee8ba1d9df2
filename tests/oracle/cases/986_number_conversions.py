# A value class that converts itself: __int__, __float__ and __round__, as
# int(), float(), round() and the math module call them.
import math
import sys


class Money:
    def __init__(self, cents):
        self.cents = cents

    def __int__(self):
        return self.cents // 100

    def __float__(self):
        return self.cents / 100

    def __round__(self, ndigits=None):
        return round(self.cents / 100, ndigits)

    def __repr__(self):
        return f"Money({self.cents})"


price = Money(1999)
print(int(price), float(price), round(price), round(price, 1))
print(math.sqrt(Money(400)), math.isclose(Money(150), 1.5))
f = float(price)
print(type(f).__name__, sys.getsizeof(f), sys.getrefcount(price))


class Ratio:
    def __init__(self, num, den):
        self.num, self.den = num, den

    def __float__(self):
        return self.num / self.den


print(float(Ratio(1, 4)), math.floor(float(Ratio(7, 2))))
try:
    int(Ratio(1, 2))
except TypeError as e:
    print("TypeError:", e)


class Wrong:
    def __float__(self):
        return 1


try:
    float(Wrong())
except TypeError as e:
    print("TypeError:", e)
