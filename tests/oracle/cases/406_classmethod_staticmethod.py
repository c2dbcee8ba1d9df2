# classmethod and staticmethod: alternative constructors and helpers.
import gc
import sys


class Date:
    made = 0

    def __init__(self, year, month, day):
        self.year, self.month, self.day = year, month, day
        Date.made += 1

    @classmethod
    def from_string(cls, text):
        year, month, day = text.split("-")
        return cls(int(year), int(month), int(day))

    @classmethod
    def count(cls):
        return cls.made

    @staticmethod
    def is_leap(year):
        return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)

    def __repr__(self):
        return "Date(%d, %d, %d)" % (self.year, self.month, self.day)


d = Date.from_string("2024-02-29")
print(d, Date.count(), d.count())
print(Date.is_leap(2024), d.is_leap(1900), Date.is_leap(2000))
print(type(Date.from_string).__name__, type(Date.is_leap).__name__, type(d.is_leap).__name__)
print(Date.from_string.__self__ is Date, Date.from_string.__func__.__name__)


class Meters:
    @staticmethod
    def convert(value):
        return sys.getrefcount(value)

    @classmethod
    def describe(cls, value):
        return sys.getrefcount(value)


token = object()
m = Meters()
print([m.convert(token) for i in range(3)], [Meters.convert(token) for i in range(3)])
print([m.describe(token) for i in range(3)], [Meters.describe(token) for i in range(3)])
print(sys.getrefcount(token))


def helper(x):
    return x * 2


print(sys.getrefcount(helper))
sm = staticmethod(helper)
cm = classmethod(helper)
print(sys.getrefcount(helper), sys.getsizeof(sm), sys.getsizeof(cm))
print(gc.is_tracked(sm), gc.is_tracked(cm), sm.__func__ is helper, cm.__wrapped__ is helper)
print(sorted(sm.__dict__), sm.__name__, sm.__qualname__, sm.__module__)
print(sys.getsizeof(sm.__dict__), gc.is_tracked(sm.__dict__), sm.__dict__ is cm.__dict__)
print(sm.__annotations__ is helper.__annotations__, sys.getrefcount(helper.__annotations__))
del sm, cm
print(sys.getrefcount(helper))



class Registry:
    @staticmethod
    def one():
        return 1

    @classmethod
    def two(cls):
        return 2


print(Registry.one(), Registry.two(), Registry().two())


def three():
    return 3


gc.collect()
before = gc.get_count()[0]
wrapped = staticmethod(three)
print("gc count after staticmethod():", gc.get_count()[0] - before)
before = gc.get_count()[0]
wrapped2 = classmethod(three)
print("gc count after classmethod():", gc.get_count()[0] - before, three.__annotations__)
try:
    staticmethod()
except TypeError as err:
    print("TypeError:", err)
try:
    classmethod(helper, helper)
except TypeError as err:
    print("TypeError:", err)
