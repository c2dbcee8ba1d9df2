class Point:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y


import sys
print(sys.getsizeof(Point(1, 2)))
