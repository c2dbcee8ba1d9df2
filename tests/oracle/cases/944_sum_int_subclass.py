# sum() keeps its total in a C long or double while the items are plain
# ints and floats; an int subclass with __radd__ is added as a plain int in
# the float loop (PyLong_Check) but makes the int loop fall back to the
# generic + (PyLong_CheckExact), where __radd__ runs.
import sys


class Points(int):
    def __radd__(self, other):
        print("Points.__radd__", other)
        return Points(int(self) + int(other))

    def __add__(self, other):
        print("Points.__add__", other)
        return Points(int(self) + int(other))


class Weight(float):
    def __radd__(self, other):
        print("Weight.__radd__", other)
        return Weight(float(self) + other)


print(sum([1.5, Points(2)]))
print(sum([Points(2), 1.5]))
print(sum([1, Points(2)]))
print(sum([1, 2.5, Points(3)]))
print(sum([2.5, 1, Points(3), 4]))
print(sum([1, Weight(2.0)]))
print(sum([1.0, Weight(2.0)]))
print(sum([Points(1), Points(2)], 0.5))
print(sum([True, Points(2)]), sum([1.0, True]))
scores = [Points(10), Points(20), Points(5)]
print(sum(scores), type(sum(scores)).__name__, sum(scores, 0.0))
x = 2.5
r = sum([], x)
print(r is x, r == x, sys.getrefcount(x))
print(sum([0.1] * 10), sum([1e100, 1.0, -1e100]), sum([-0.0]), sum([], -0.0))
print(sum([1, 2 ** 70, 0.5]), sum([1.5, 2 ** 70, 3]), sum(k / 3 for k in range(7)))


# An int subclass's __index__ is never called for it: indexing, slicing,
# hex(), range() and operator.index take its int value (PyLong_Check first),
# and operator.index() gives an exact int copy.
import operator


class Level(int):
    def __index__(self):
        print("Level.__index__")
        return 0


lv = Level(2)
print(["a", "b", "c"][lv], "xyz"[lv], (1, 2, 3)[lv], hex(lv), bin(lv), oct(lv), list(range(lv)))
i = operator.index(lv)
print(i, type(i).__name__, int(lv), type(int(lv)).__name__, "%x" % lv, "ab" * lv, [0] * lv, chr(65 + lv))
print(lv.__index__(), [1, 2, 3, 4][lv:], sys.getrefcount(lv), operator.index(Level(300)))
