# Shapes matched by class patterns: positional sub-patterns through
# __match_args__, keyword sub-patterns, guards, and what a match holds.
import sys
import gc

class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x = x
        self.y = y

class Circle:
    __match_args__ = ("center", "radius")
    def __init__(self, center, radius):
        self.center = center
        self.radius = radius

class Rect:
    def __init__(self, corner, w, h):
        self.corner = corner
        self.w = w
        self.h = h

def area(shape):
    match shape:
        case Circle(_, 0) | Rect(w=0) | Rect(h=0):
            return 0
        case Circle(Point(0, 0), r):
            return 3 * r * r
        case Circle(center=c, radius=r) if r > 10:
            return "big circle at " + str(c.x) + "," + str(c.y)
        case Circle(radius=r):
            return 3 * r * r
        case Rect(Point(x, y), w, h):
            return "never: Rect has no __match_args__"
        case Rect(w=w, h=h) if w == h:
            return "square " + str(w * w)
        case Rect(w=w, h=h):
            return w * h
        case Point():
            return "a point has no area"
        case _:
            return None

origin = Point(0, 0)
shapes = [Circle(origin, 2), Circle(Point(1, 1), 3), Circle(Point(5, 6), 20), Circle(origin, 0),
          Rect(origin, 3, 3), Rect(origin, 2, 5), Rect(origin, 0, 9), origin, "circle"]
for s in shapes:
    try:
        print(area(s))
    except TypeError as e:
        print("TypeError:", e)

gc.collect()
before = gc.get_count()[0]
p = Point(3, 4)
print(sys.getrefcount(p), sys.getrefcount(origin))
match p:
    case Point(x, y) if sys.getrefcount(p) > 0:
        print(x, y, sys.getrefcount(p))
match Circle(p, 5):
    case Circle(Point() as centre, r):
        print(centre is p, r, sys.getrefcount(p))
del centre
print(sys.getrefcount(p), gc.get_count()[0] - before)
for i in range(50):
    match p:
        case Point(x=0):
            pass
        case Point(y=yy):
            pass
print(yy, gc.get_count()[0] - before)
match 42:
    case int(n):
        print("int", n)
match "text":
    case str() as s if len(s) > 2:
        print("str", s)
match [1.5, True]:
    case [float(f), bool(b)]:
        print(f, b)
