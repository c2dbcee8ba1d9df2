# A metaclass's __init__ decorating every class it makes, its methods and
# properties seen from the classes (not from their instances).
import sys


class Counted(type):
    def __init__(cls, name, bases, ns):
        super().__init__(name, bases, ns)
        cls.made = 0
        cls.fields = sorted(k for k in ns if not k.startswith("_"))

    def __call__(cls, *args, **kwargs):
        obj = super().__call__(*args, **kwargs)
        cls.made += 1
        return obj

    def describe(cls):
        return f"{cls.__name__}: {cls.made} made, fields {cls.fields}"

    @property
    def label(cls):
        return cls.__name__.upper()


class Point(metaclass=Counted):
    x = 0
    y = 0

    def __init__(self, x, y):
        self.x = x
        self.y = y


pts = [Point(i, i * 2) for i in range(3)]
print(Point.describe())
print(Point.label, Point.made)
try:
    pts[0].describe()
except AttributeError as e:
    print("AttributeError:", e)
print(hasattr(Point, "describe"), hasattr(pts[0], "label"))
print(sys.getrefcount(Counted), sys.getrefcount(Point))
print(sys.getsizeof(Point), sys.getsizeof(pts[0]))
