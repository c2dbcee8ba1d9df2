# Money as a float subclass, as tutorials write it: __new__ rounds the
# amount and keeps a currency in the instance's __dict__, __repr__ shows
# both.  Arithmetic falls back to float's and gives plain floats.  What
# each instance costs next to a float, and who refers to it.
import gc
import sys


class Money(float):
    def __new__(cls, amount, currency="USD"):
        obj = super().__new__(cls, round(amount, 2))
        obj.currency = currency
        return obj

    def __repr__(self):
        return "Money(" + format(float(self), ".2f") + ", " + repr(self.currency) + ")"

    def convert(self, rate, currency):
        return Money(self * rate, currency)


price = Money(19.999)
print(price, repr(price), str(price), float(price))
print(price.currency, price.__dict__, type(price).__name__, isinstance(price, float))
print(sys.getsizeof(price), sys.getsizeof(float(price)), gc.is_tracked(price), gc.is_tracked(1.5))
total = price + Money(5)
print(total, type(total).__name__, price * 3, price > 10, round(price), int(price))
euros = price.convert(0.9, "EUR")
print(euros, euros.currency, euros == 18.0, hash(euros) == hash(18.0))
print(sys.getrefcount(price))
wallet = [price, euros]
print(sys.getrefcount(price), sorted(wallet), max(wallet).currency)
print("{:.1f} {}".format(price, price.currency), f"{euros:8.3f}|")


class Celsius(float):
    """A temperature that knows how to convert itself."""

    def to_fahrenheit(self):
        return self * 9 / 5 + 32


t = Celsius(21.5)
print(t, t.to_fahrenheit(), sys.getsizeof(t), Celsius.__mro__[1].__name__)
t.unit = "C"
print(t.unit, sys.getsizeof(t), Celsius(-0.0), Celsius("3.25"), Celsius(7))
gc.collect()
print(gc.get_count())
readings = [Celsius(x / 2) for x in range(5)]
print(gc.get_count(), readings)
del readings
print(gc.get_count())
try:
    Money()
except TypeError as e:
    print("TypeError:", e)
try:
    Celsius("warm")
except ValueError as e:
    print("ValueError:", e)
