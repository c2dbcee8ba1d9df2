# Classes made by calling type(name, bases, dict), and its argument errors.
import sys
Point = type("Point", (), {"x": 0, "describe": lambda self: "pt"})
p = Point()
print(Point, Point.__name__, Point.__qualname__, Point.__module__, Point.__bases__, p.x, p.describe())
Base = type("Base", (object,), {})
Child = type("Child", (Base,), {"__slots__": ("a",)})
c = Child()
c.a = 3
print([k.__name__ for k in Child.__mro__], c.a, sys.getsizeof(c), sys.getrefcount(Base))
try:
    type("X", ())
except TypeError as e:
    print("TypeError:", e)
try:
    type("X", [], {})
except TypeError as e:
    print("TypeError:", e)
try:
    type(1, (), {})
except TypeError as e:
    print("TypeError:", e)
