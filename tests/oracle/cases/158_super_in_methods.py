# super() in a class hierarchy, the way tutorials write it.
import gc
import sys


class Shape:
    def __init__(self, name):
        self.name = name
        self.refs_seen = sys.getrefcount(self)

    def describe(self):
        return "a shape called " + self.name

    def area(self):
        return 0


class Rectangle(Shape):
    def __init__(self, w, h):
        super().__init__("rectangle")
        self.w = w
        self.h = h

    def area(self):
        return self.w * self.h

    def describe(self):
        return super().describe() + " of area " + str(self.area())


class Square(Rectangle):
    def __init__(self, side):
        super(Square, self).__init__(side, side)
        self.name = "square"

    def describe(self):
        base = super().describe()
        return base + " (all sides equal)"


sq = Square(3)
print(sq.describe())
print(Rectangle(2, 5).describe(), sq.refs_seen)
print(Square.__init__.__closure__[0].cell_contents is Square, Shape.__init__.__closure__)
print(len(Rectangle.describe.__closure__), sys.getrefcount(sq))
try:
    super(Square, 5).area()
except TypeError as e:
    print("TypeError:", e)
try:
    super(Shape, sq).nothing
except AttributeError as e:
    print("AttributeError:", e)
gc.collect()
before = gc.get_count()
shapes = []
for i in range(50):
    shapes.append(Square(i))
total = 0
for s in shapes:
    total += s.area()
print(total, gc.get_count()[0] - before[0], gc.collect())
