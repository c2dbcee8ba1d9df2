# The classic Shape example: an abstract base class with area() and
# perimeter(), concrete shapes, and what happens when one forgets a method.
from abc import ABC, abstractmethod
import math
import sys


class Shape(ABC):
    @abstractmethod
    def area(self):
        pass

    @abstractmethod
    def perimeter(self):
        pass

    def describe(self):
        return "%s with area %.2f and perimeter %.2f" % (type(self).__name__, self.area(), self.perimeter())


class Circle(Shape):
    def __init__(self, radius):
        self.radius = radius

    def area(self):
        return math.pi * self.radius ** 2

    def perimeter(self):
        return 2 * math.pi * self.radius


class Rectangle(Shape):
    def __init__(self, width, height):
        self.width = width
        self.height = height

    def area(self):
        return self.width * self.height

    def perimeter(self):
        return 2 * (self.width + self.height)


class Square(Rectangle):
    def __init__(self, side):
        super().__init__(side, side)


class Triangle(Shape):
    def __init__(self, a, b, c):
        self.a, self.b, self.c = a, b, c

    def perimeter(self):
        return self.a + self.b + self.c


shapes = [Circle(1), Rectangle(2, 3), Square(4)]
for s in shapes:
    print(s.describe())
print(sum(s.area() for s in shapes))
try:
    Shape()
except TypeError as e:
    print("TypeError:", e)
try:
    Triangle(3, 4, 5)
except TypeError as e:
    print("TypeError:", e)
print(Shape.__abstractmethods__ == frozenset({"area", "perimeter"}))
print(Triangle.__abstractmethods__, Circle.__abstractmethods__)
print(Shape.area.__isabstractmethod__, Shape.describe is Circle.describe)
print(Square.__mro__)
print(sys.getsizeof(Circle(2)), sys.getsizeof(Square(1)), sys.getsizeof(Shape))
print(isinstance(shapes[2], Rectangle), issubclass(Square, Shape), isinstance(3, Shape))
print(vars(shapes[1]))
