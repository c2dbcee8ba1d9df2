# Tuples of constants are constants; lists and sets after `in` and `for`
# become a tuple and a frozenset that the code object keeps.
import gc
import sys

POINT = (3, 4)
SHAPE = (POINT, (5, 6))
print(SHAPE[0] is POINT, sys.getrefcount(POINT), sys.getrefcount(SHAPE[1]))
print(gc.is_tracked(SHAPE), gc.is_tracked(SHAPE[1]))
gc.collect()
print(gc.is_tracked(SHAPE), gc.is_tracked(SHAPE[1]), gc.is_tracked(POINT))

WEEKEND = ("sat", "sun")
def is_weekend(day):
    return day in ("sat", "sun")
print(is_weekend("sun"), is_weekend("mon"), WEEKEND[1] is "sun")

def vowels(word):
    n = 0
    for ch in word:
        if ch in {"a", "e", "i", "o", "u"}:
            n += 1
    return n

def primes():
    found = []
    for p in [2, 3, 5, 7, 11]:
        found.append(p)
    return found

gc.collect()
before = gc.get_count()
print(vowels("reference counting"), primes())
print(gc.get_count()[0] - before[0])

COLOURS = ["red", "green", "blue"]
print(COLOURS, sys.getrefcount(COLOURS[0]))
print((1, 2) + (3,), ((1, 2) + (3,)) is (1, 2, 3), (0,) * 3, (1, 2, 3)[1])
nested = ((1,), ((2,),), "x")
print(sys.getrefcount(nested[1]), sys.getrefcount(nested[1][0]))
