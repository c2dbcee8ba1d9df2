# A class knows its subclasses (weakly) and vars() reads an instance's __dict__.
import gc
import sys


class Shape:
    pass


class Circle(Shape):
    pass


class Square(Shape):
    __slots__ = ("side",)


class Dot(Circle):
    pass


print([c.__name__ for c in Shape.__subclasses__()], [c.__name__ for c in Circle.__subclasses__()])
print(Square.__subclasses__(), len(Dot.__subclasses__()))
del Dot
print(len(Circle.__subclasses__()), gc.collect(), Circle.__subclasses__())
c = Circle()
c.radius = 2
print(vars(c), vars(c) is c.__dict__, sys.getrefcount(vars(c)))
try:
    vars(Square())
except TypeError as e:
    print("TypeError:", e)
try:
    vars(3)
except TypeError as e:
    print("TypeError:", e)
