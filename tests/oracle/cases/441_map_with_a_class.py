# map() and filter() calling a class or a method: the objects they make,
# and an exception class raised by name (its __init__ runs).
import gc
import sys

class Point:
    def __init__(self, x):
        self.x = x

    def __repr__(self):
        return "Point(%d)" % self.x

points = list(map(Point, [1, 2, 3]))
print(points, sys.getsizeof(points))
gc.collect()
before = gc.get_count()[0]
more = list(map(Point, range(5)))
print(gc.get_count()[0] - before, len(more))
print(sorted(points, key=lambda p: -p.x))

class Empty:
    pass

print(len(list(map(lambda _: Empty(), range(3)))))
try:
    list(map(Empty, [1]))
except TypeError as e:
    print(e)

class Oops(Exception):
    def __init__(self):
        super().__init__("built without arguments")

try:
    raise Oops
except Oops as e:
    print(repr(e), e.args)

class Bad:
    def __init__(self, v):
        return v

try:
    list(map(Bad, [1]))
except TypeError as e:
    print(e)
words = ["a", "bb"]
print(list(map(len, words)))
