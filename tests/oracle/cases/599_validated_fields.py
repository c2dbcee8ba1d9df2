# Validated fields with hand-written descriptors and __set_name__.
import sys


class Positive:
    """A data descriptor that keeps its value in the instance's __dict__."""

    def __set_name__(self, owner, name):
        print("naming", name, "on", owner.__name__)
        self.name = name

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return obj.__dict__[self.name]

    def __set__(self, obj, value):
        if value <= 0:
            raise ValueError(f"{self.name} must be positive, got {value}")
        obj.__dict__[self.name] = value


class Lazy:
    """A non-data descriptor: the first read stores the value on the instance."""

    def __init__(self, func):
        self.func = func

    def __set_name__(self, owner, name):
        self.attr = name

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        value = self.func(obj)
        obj.__dict__[self.attr] = value
        return value


class Product:
    price = Positive()
    qty = Positive()

    def __init__(self, name, price, qty):
        self.name = name
        self.price = price
        self.qty = qty

    @Lazy
    def total(self):
        print("computing total")
        return self.price * self.qty


p = Product("lamp", 12, 3)
print(p.price, p.qty, p.__dict__)
print(p.total, p.total, sorted(p.__dict__))
print(type(Product.price).__name__, Product.price.name, Product.total.attr)
before = sys.getrefcount(p)
p.qty = 5
print(p.qty, sys.getrefcount(p) == before)
try:
    p.price = -1
except ValueError as e:
    print("ValueError:", e)
del p.total
print(p.total)


class Logged:
    def __get__(self, obj, objtype=None):
        return "read through " + objtype.__name__

    def __set__(self, obj, value):
        print("set to", value)

    def __delete__(self, obj):
        print("deleted")


class Holder:
    x = Logged()


h = Holder()
h.x = 10
print(h.x, Holder.x)
del h.x
h.__dict__["x"] = "shadow?"
print(h.x)
