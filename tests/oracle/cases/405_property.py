# Properties: computed attributes, validation in the setter, read-only values.
import gc
import sys


class Tank:
    """Litres stored; the gauge reads a share of the capacity."""

    capacity = 80

    def __init__(self, litres):
        self.litres = litres

    @property
    def litres(self):
        return self._litres

    @litres.setter
    def litres(self, amount):
        if not 0 <= amount <= Tank.capacity:
            raise ValueError(f"{amount} litres do not fit in {Tank.capacity}")
        self._litres = amount

    @property
    def gauge(self):
        return self._litres / Tank.capacity

    @gauge.setter
    def gauge(self, share):
        self.litres = share * Tank.capacity


tank = Tank(20)
print(tank.litres, tank.gauge)
tank.gauge = 0.75
print(tank.litres, tank._litres)
for bad in (-1, 81):
    try:
        tank.litres = bad
    except ValueError as err:
        print("ValueError:", err)
print(tank.litres, type(Tank.gauge).__name__, sys.getsizeof(Tank.litres))
print(gc.is_tracked(Tank.litres), sys.getrefcount(Tank.gauge))
print(Tank.gauge.fget.__name__, Tank.gauge.fset.__qualname__, Tank.gauge.fdel)
try:
    del tank.litres
except AttributeError as err:
    print("AttributeError:", err)


class Word:
    """A read-only text whose vowel count is worked out once, on first use."""

    def __init__(self, text):
        self._text = text
        self._vowels = -1

    text = property(lambda self: self._text)

    @property
    def vowels(self):
        if self._vowels < 0:
            print("counting", self._text)
            self._vowels = sum(ch in "aeiou" for ch in self._text)
        return self._vowels


w = Word("memory")
print(w.text, w.vowels, w.vowels)
try:
    w.text = "heap"
except AttributeError as err:
    print("AttributeError:", err)
print(Word.text.fget.__name__, Word.vowels.fset, Word.vowels.fdel)


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
