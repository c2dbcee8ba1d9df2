# An abstract base class written the older way, with metaclass=ABCMeta,
# and the TypeError of instantiating one with abstract methods left.
from abc import ABCMeta, abstractmethod
import sys


class Shape(metaclass=ABCMeta):
    @abstractmethod
    def area(self):
        ...

    @abstractmethod
    def perimeter(self):
        ...

    def describe(self):
        return f"{type(self).__name__}: area {self.area():.2f}"


class Square(Shape):
    def __init__(self, side):
        self.side = side

    def area(self):
        return self.side ** 2

    def perimeter(self):
        return 4 * self.side


class HalfDone(Shape):
    def area(self):
        return 0


for cls in (Shape, HalfDone):
    try:
        cls()
    except TypeError as e:
        print("TypeError:", e)

sq = Square(3)
print(sq.describe(), sq.perimeter())
print(sorted(Shape.__abstractmethods__), sorted(HalfDone.__abstractmethods__))
print(Square.__abstractmethods__ == frozenset())
print(isinstance(Shape, ABCMeta), isinstance(Square, ABCMeta), ABCMeta.__mro__)
print(sys.getsizeof(Shape), sys.getsizeof(sq), sys.getsizeof(ABCMeta))
print(sys.getrefcount(sq), sys.getrefcount(Square))
