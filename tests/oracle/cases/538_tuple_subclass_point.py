# A point as an immutable tuple subclass: __new__ builds it through
# super().__new__, a property names an item, and the instance costs a
# tuple plus the __dict__ pointer its class gives it (none with __slots__ = ()).
import sys, gc
class Point(tuple):
    def __new__(cls, x, y):
        return super().__new__(cls, (x, y))
    @property
    def x(self):
        return self[0]
    def __repr__(self):
        return "Point(%r, %r)" % self
class Pair(tuple):
    pass
class Slim(tuple):
    __slots__ = ()
gc.collect()
p = Point(3, 4)
print(gc.get_count())
q = Point(5, 6)
print(gc.get_count())
r = Pair([1, 2])
print(gc.get_count())
s = Pair((1, 2))
print(gc.get_count())
print(p, p.x, p[1], len(p), p + (1,), p == (3, 4), hash(p) == hash((3, 4)), type(p[:1]))
print(sys.getsizeof(p), sys.getsizeof(r), sys.getsizeof(Slim((1, 2))), sys.getsizeof((1, 2)), sys.getsizeof(Pair()))
print(r, repr(Slim("ab")), gc.is_tracked(Pair()), gc.is_tracked(Slim()), sys.getrefcount(r))
print(type(Point.__dict__["__new__"]).__name__, tuple.__new__(Pair, "xy"), Point.__new__(Point, 1, 2))
x, y = p
print(x, y, p.count(3), p.index(4), 4 in p, list(reversed(p)), sorted(q))
p.label = "origin"
print(p.label, p.__dict__, sys.getsizeof(p))
try:
    Slim((1,)).z = 1
except AttributeError as e:
    print(e)
try:
    Pair(1, 2)
except TypeError as e:
    print(e)
try:
    tuple.__new__(list)
except TypeError as e:
    print(e)
print(gc.collect())
