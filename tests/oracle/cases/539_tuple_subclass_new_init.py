# Subclasses of tuple the ways books write them: *args into tuple.__new__,
# a __new__ calling its base class's, an __init__ after tuple_new, and what
# the subclass keeps of tuple (hashing, equality, slicing to plain tuples).
import sys, gc, copy
class Pair(tuple):
    pass
class Vec(tuple):
    def __new__(cls, *xs):
        return tuple.__new__(cls, xs)
    def plus(self, other):
        return Vec(*[a + b for a, b in zip(self, other)])
    def norm2(self):
        return sum(x * x for x in self)
class Vec3(Vec):
    def __new__(cls, x, y, z=0):
        return super().__new__(cls, x, y, z)
class Tagged(tuple):
    def __init__(self, items, tag="none"):
        self.tag = tag
try:
    Pair(x=1)
except TypeError as e:
    print(e)
t = Tagged([1, 2], tag="hot")
print(t, t.tag, sys.getsizeof(t), Tagged("ab").tag)
v = Vec(1, 2).plus(Vec(3, 4))
print(v, type(v).__name__, v.norm2(), Vec3(1, 2), Vec3(1, 2, 3).norm2(), isinstance(Vec3(1, 2), Vec))
d = {Pair((1, 2)): "a", (1, 2): "b"}
print(d, len(d), Pair((1, 2)) == (1, 2), (1, 2) == Pair((1, 2)), sorted([Pair((2,)), Pair((1,))]))
print(Pair((1, 2)) < (1, 3), Pair() == (), bool(Pair()), bool(Pair([0])))
print(Pair(x for x in range(3)), Pair(range(4)), Pair({"k": 1}), Pair("abc")[1:], Pair((5, 6))[::-1])
gc.collect()
big = Pair(range(100))
print(len(big), sys.getsizeof(big), gc.get_count())
del big
print(gc.get_count())
print(gc.collect())
print(tuple.__new__(tuple, [1]), type(tuple.__new__(Pair)))
try:
    tuple.__new__(5)
except TypeError as e:
    print(e)
try:
    tuple.__new__()
except TypeError as e:
    print(e)
try:
    Vec3()
except TypeError as e:
    print(e)
