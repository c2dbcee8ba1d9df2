class Temperature:
    def __init__(self, celsius=0.0):
        self.celsius = celsius
    @property
    def celsius(self):
        return self._celsius
    @celsius.setter
    def celsius(self, value):
        if value < -273.15:
            raise ValueError(f"{value} is below absolute zero")
        self._celsius = value
    @celsius.deleter
    def celsius(self):
        print("deleting")
        del self._celsius
    @property
    def fahrenheit(self):
        return self._celsius * 9 / 5 + 32
    @fahrenheit.setter
    def fahrenheit(self, f):
        self.celsius = (f - 32) * 5 / 9
    @classmethod
    def from_fahrenheit(cls, f):
        t = cls()
        t.fahrenheit = f
        return t
    @staticmethod
    def is_freezing(c):
        return c <= 0
t = Temperature(25)
print(t.celsius, t.fahrenheit, vars(t))
t.fahrenheit = 212
print(t.celsius, round(t.fahrenheit, 1))
try:
    t.celsius = -300
except ValueError as e:
    print("ValueError:", e)
try:
    t.kelvin = 3
    print(t.kelvin)
except AttributeError as e:
    print("AttributeError", e)
del t.celsius
try:
    t.celsius
except AttributeError as e:
    print("AttributeError:", e)
u = Temperature.from_fahrenheit(50)
print(u.celsius, Temperature.is_freezing(-1), u.is_freezing(3))
print(type(Temperature.celsius), Temperature.celsius.fget.__name__, repr(Temperature.__dict__["from_fahrenheit"]).split(" at ")[0], repr(Temperature.__dict__["is_freezing"]).split(" at ")[0])
class ReadOnly:
    @property
    def answer(self):
        return 42
r = ReadOnly()
try:
    r.answer = 1
except AttributeError as e:
    print("AttributeError:", e)
class Lazy:
    def __init__(self):
        self._data = None
    @property
    def data(self):
        if self._data is None:
            print("computing")
            self._data = [i * i for i in range(5)]
        return self._data
l = Lazy()
print(l.data, l.data)
