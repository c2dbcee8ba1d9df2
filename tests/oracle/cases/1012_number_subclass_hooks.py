# Subclasses of int and float that define the number hooks: which ones
# CPython really calls.  An int subclass's __index__ is never consulted
# (PyNumber_Index takes the int value), but int() calls its __int__ and
# math/%-formatting call its __float__.  A float subclass's __index__ is
# what hex(), list indexing and range() call.
import math
import operator
import sys


class Cents(int):
    """An amount in cents that converts to dollars as a float."""

    def __index__(self):
        print("  Cents.__index__ (never printed)")
        return 0

    def __int__(self):
        print("  Cents.__int__")
        return int.__int__(self) // 100

    def __float__(self):
        print("  Cents.__float__")
        return int.__int__(self) / 100

    def __repr__(self):
        return f"Cents({int.__repr__(self)})"


price = Cents(1250)
print("price:", price, "+1:", price + 1, "type:", type(price + 1).__name__)
print("int():", int(price))
print("float():", float(price))
print("index:", operator.index(price), hex(price), bin(Cents(5)), oct(Cents(8)))
print("list[Cents(2)]:", ["a", "b", "c", "d"][Cents(2)])
print("range(Cents(3)):", list(range(Cents(3))))
print("'%d %x' %:", "%d %x" % (price, price))
print("'%.2f' %:", "%.2f" % price)
print("format .1f:", format(price, ".1f"), f"{price:,.2f}")
print("math.sqrt:", math.sqrt(Cents(400)))
print("complex:", complex(Cents(300)))
print("round:", round(price, -2), "abs:", abs(Cents(-3)))
print("getsizeof:", sys.getsizeof(price), sys.getsizeof(int(price)))


class Grade(float):
    """A grade like 3.7 that can pick a slot in a list."""

    def __index__(self):
        print("  Grade.__index__")
        return round(self)

    def __int__(self):
        print("  Grade.__int__")
        return 100

    def __floor__(self):
        print("  Grade.__floor__")
        return -1


g = Grade(2.6)
labels = ["F", "D", "C", "B", "A"]
print("labels[g]:", labels[g])
print("hex(g):", hex(g), "operator.index:", operator.index(g))
print("range(g):", range(g), list(range(g)))
print("int(g):", int(g), "float(g):", float(g), type(float(g)).__name__)
print("math.floor(g):", math.floor(g), "math.ceil(g):", math.ceil(g), "math.trunc:", math.trunc(g))
print("'%d|%x' %:", "%d|%x" % (g, g))
print("labels * g... ", ["x"] * Grade(1.2))
print("math.sqrt(g):", math.sqrt(Grade(6.25)))


class Plain(float):
    pass


for bad in (lambda: hex(Plain(1.5)), lambda: labels[Plain(1.0)], lambda: range(Plain(2.0))):
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)


class Broken(int):
    def __int__(self):
        return "not a number"

    def __float__(self):
        return 3


for bad in (lambda: int(Broken(1)), lambda: float(Broken(1)), lambda: math.sqrt(Broken(4))):
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)
print("Broken used as an int:", Broken(7) * 6, hex(Broken(255)))
