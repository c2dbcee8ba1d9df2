# Properties: computed attributes, validation in the setter, read-only values.
import gc
import sys


class Temperature:
    def __init__(self, celsius=0.0):
        self.celsius = celsius

    @property
    def celsius(self):
        return self._celsius

    @celsius.setter
    def celsius(self, value):
        if value < -273.15:
            raise ValueError("below absolute zero")
        self._celsius = value

    @property
    def fahrenheit(self):
        return self._celsius * 9 / 5 + 32

    @fahrenheit.setter
    def fahrenheit(self, value):
        self.celsius = (value - 32) * 5 / 9


t = Temperature(25)
print(t.celsius, t.fahrenheit)
t.fahrenheit = 212
print(t.celsius)
try:
    t.celsius = -300
except ValueError as err:
    print("ValueError:", err)
print(type(Temperature.celsius).__name__, sys.getsizeof(Temperature.celsius))
print(gc.is_tracked(Temperature.celsius), sys.getrefcount(Temperature.celsius))
print(Temperature.celsius.fget.__name__, Temperature.celsius.fset.__name__, Temperature.celsius.fdel)
try:
    del t.fahrenheit
except AttributeError as err:
    print("AttributeError:", err)


class Circle:
    def __init__(self, radius):
        self._radius = radius
        self._area = None

    @property
    def radius(self):
        return self._radius

    @property
    def area(self):
        if self._area is None:
            self._area = 3.14159 * self._radius ** 2
        return self._area


c = Circle(2)
print(c.radius, c.area, c.area)
try:
    c.radius = 5
except AttributeError as err:
    print("AttributeError:", err)


class Tracker:
    def __init__(self):
        self._value = None

    @property
    def value(self):
        return sys.getrefcount(self)

    @value.setter
    def value(self, v):
        print("setter sees", sys.getrefcount(self), sys.getrefcount(v))

    @value.deleter
    def value(self):
        print("deleter sees", sys.getrefcount(self))


tr = Tracker()
payload = object()
print("getter sees", [tr.value for i in range(4)])
seen = []
for i in range(3):
    seen.append(tr.value)
print("getter in a loop", seen)
tr.value = payload
del tr.value
print("payload", sys.getrefcount(payload))


def get_x(self):
    return self._x


def set_x(self, v):
    self._x = v


class Point:
    x = property(get_x, set_x, None, "the x coordinate")

    def __init__(self, x):
        self.x = x


p = Point(3)
print(p.x, sys.getrefcount(get_x), sys.getrefcount(set_x))
gc.collect()
before = gc.get_count()[0]
plain = property(get_x)
after = gc.get_count()[0]
print("a property made:", after - before, sys.getsizeof(plain))
copy = plain.setter(set_x)
print(copy is plain, copy.fget is plain.fget, copy.fset is set_x)
del plain, copy
print(sys.getrefcount(get_x), sys.getrefcount(set_x))
try:
    property(get_x, set_x, None, "doc", 5)
except TypeError as err:
    print("TypeError:", err)
try:
    property(get_x).setter()
except TypeError as err:
    print("TypeError:", err)
