# namedtuple's class as CPython makes it: its namespace, its checks of the
# names (the messages), rename and defaults, and the errors its methods raise.
import sys, gc
from collections import namedtuple
Point = namedtuple("Point", "x y")
p = Point(1, 2)
print(p, sys.getsizeof(p), gc.is_tracked(p), sys.getsizeof((1, 2)))
print(Point.__doc__, Point._fields, Point._field_defaults, Point.__match_args__, Point.__slots__, Point.__module__)
print(type(Point.__dict__['_make']).__name__, type(Point.__dict__['__new__']).__name__, Point.__name__, Point.__qualname__)
print(sorted(Point.__dict__))
print(Point.__mro__, Point.__bases__, sys.getsizeof(Point))
try:
    p.x = 5
except AttributeError as e:
    print(e)
try:
    p.z = 5
except AttributeError as e:
    print(e)
try:
    Point(1)
except TypeError as e:
    print(e)
try:
    Point(1, 2, 3)
except TypeError as e:
    print(e)
try:
    Point._make([1])
except TypeError as e:
    print(e)
try:
    p._replace(z=1)
except (ValueError, TypeError) as e:
    print(e)
try:
    namedtuple("Bad", "x x")
except ValueError as e:
    print(e)
try:
    namedtuple("Bad", "x _y")
except ValueError as e:
    print(e)
try:
    namedtuple("Bad", "x class")
except ValueError as e:
    print(e)
try:
    namedtuple("Bad", "x 1y")
except ValueError as e:
    print(e)
try:
    namedtuple("Bad", "x y", defaults=(1, 2, 3))
except TypeError as e:
    print(e)
print(namedtuple("R", "a b c", rename=True, defaults=[9]), namedtuple("R", ["a", "def", "a"], rename=True)._fields)
E = namedtuple("E", "")
print(E(), E._fields, sys.getsizeof(E()))
O = namedtuple("O", "only")
print(O(1), O._make([2]), O.__doc__)
print(p._asdict(), type(p._asdict()), p._replace(x=9), Point(y=3, x=4), Point(*[5, 6]), Point(**{"x": 7, "y": 8}))
