class Point:
    count = 0
    def __init__(self, x, y):
        self.x, self.y = x, y
        Point.count += 1
    def __repr__(self):
        return f"Point({self.x}, {self.y})"
    def __eq__(self, other):
        if not isinstance(other, Point):
            return NotImplemented
        return (self.x, self.y) == (other.x, other.y)
    def __lt__(self, other):
        return (self.x ** 2 + self.y ** 2) < (other.x ** 2 + other.y ** 2)
    def __hash__(self):
        return hash((self.x, self.y))
    def __del__(self):
        Point.count -= 1
pts = [Point(3, 4), Point(1, 1), Point(0, 2), Point(1, 1)]
print(sorted(pts), len(set(pts)), Point.count, pts.count(Point(1, 1)), Point(1, 1) in pts)
del pts
print(Point.count)
print(Point(1, 2) == (1, 2), Point(1, 2) != Point(2, 1))
class Meta(type):
    def __repr__(cls):
        return f"<class {cls.__name__} via Meta>"
class WithMeta(metaclass=Meta):
    pass
print(WithMeta, type(WithMeta).__name__)
class Empty:
    pass
e = Empty()
e.a = 1
e.__dict__["b"] = 2
print(vars(e), dir(e)[-2:], Empty.__name__, Empty.__qualname__, Empty.__module__)
class Outer:
    class Inner:
        pass
print(Outer.Inner.__qualname__, Outer.Inner().__class__.__name__)
print(type(3), type(type), isinstance(True, int), type(None).__name__, bool.__mro__)
print(getattr(Point, "count"), Point.__dict__["count"], "x" in Point(0, 0).__dict__)
