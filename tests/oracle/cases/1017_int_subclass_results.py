# What an int subclass gives back: CPython's int methods (abs, round,
# math.floor, __index__ ...) return a plain int of the same value
# (long_long copies a subclass's value), never the subclass itself;
# max/min/sorted hand back the very objects.
import math
import operator
import sys
import tracemalloc


class Points(int):
    def __str__(self):
        return f"{int(self)} pts"

    def __repr__(self):
        return f"Points({int(self)})"


p, q = Points(7), Points(-7)
results = {
    "abs": abs(p), "abs(-)": abs(q), "+": +p, "-": -p, "round": round(p), "round(p, 2)": round(p, 2),
    "floor": math.floor(p), "ceil": math.ceil(p), "trunc": math.trunc(p), "index": operator.index(p),
    "int": int(p), "p + 0": p + 0, "p * 1": p * 1, "p // 1": p // 1, "p << 0": p << 0, "p ** 1": p ** 1,
    "__index__": p.__index__(), "__int__": p.__int__(), "__trunc__": p.__trunc__(),
    "__floor__": p.__floor__(), "__round__": p.__round__(), "__abs__": p.__abs__(), "__pos__": p.__pos__(),
    "max": max(p, 3), "min": min([p, 100]), "sorted": sorted([p])[0], "sum": sum([p, p]),
}
for label, value in results.items():
    print(f"{label:>12}: {type(value).__name__:<6} {value}")


class Ratio(float):
    def __str__(self):
        return f"{float(self):.0%}"


r = Ratio(0.25)
print(type(r.__float__()).__name__, r.__float__(), type(abs(r)).__name__, type(r * 1).__name__, r)

# the copies are plain ints made as _PyLong_Copy makes them
big = Points(2**40)
tracemalloc.start()
m0 = tracemalloc.get_traced_memory()[0]
a = int(Points(1000))
m1 = tracemalloc.get_traced_memory()[0]
b = abs(Points(1000))
m2 = tracemalloc.get_traced_memory()[0]
c = int(big)
m3 = tracemalloc.get_traced_memory()[0]
tracemalloc.stop()
print("traced:", m1 - m0, m2 - m1, m3 - m2, sys.getsizeof(a), sys.getsizeof(c))


# dir() of an object whose __dict__ was reached directly
class Bag:
    pass


bag = Bag()
bag.apples = 3
bag.__dict__["pears"] = 2
for i in range(3):
    setattr(bag, f"slot{i}", i)
print([n for n in dir(bag) if not n.startswith("_")], bag.pears)
del bag.apples
print([n for n in dir(bag) if not n.startswith("_")])


class Tools:
    @classmethod
    def make(cls):
        return cls()

    @staticmethod
    def helper():
        return 1


print(repr(Tools.__dict__["make"]).split(" at ")[0], repr(Tools.__dict__["helper"]).split(" at ")[0])
