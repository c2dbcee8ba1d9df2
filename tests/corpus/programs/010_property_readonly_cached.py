import math


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
            print("computing area")
            self._area = math.pi * self._radius ** 2
        return self._area


c = Circle(3)
print(round(c.area, 4))
print(round(c.area, 4))
try:
    c.radius = 10
except AttributeError as e:
    print(type(e).__name__, e)
print(c.radius)
print(isinstance(Circle.area, property), Circle.area.fset)
