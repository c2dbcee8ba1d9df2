# An lru_cache holds its arguments and results: watch refcounts and __del__.
import gc
import sys

gc.collect()
import functools

print(gc.collect())


class Payload:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("  freed", self.name)


@functools.lru_cache(maxsize=2)
def load(key):
    return Payload("for " + key)


k1 = "-".join("ab")
k2 = str(2 ** 70)
print(sys.getrefcount(k1), sys.getrefcount(k2))
p1 = load(k1)
p2 = load(k2)
print(sys.getrefcount(k1), sys.getrefcount(k2), sys.getrefcount(p1))
print(load(k1) is p1, load.cache_info())
del p1, p2
print("dropped my references")
third = load(str(3))
print("evicted one", load.cache_info().currsize)
load.cache_clear()
print("cleared", sys.getrefcount(k1), sys.getrefcount(k2))


@functools.cache
def box(x, y):
    return [x, y]


point = (1, 2)
b = box(*point)
print(b, box(1, 2) is b, sys.getrefcount(b), box.cache_info())
print(sys.getsizeof(load), gc.is_tracked(load), gc.is_tracked(load.cache_info()))
print(sys.getsizeof(load.cache_info()), type(load.cache_info()).__name__)
del third
gc.collect()
print(gc.get_count())
squares = functools.lru_cache(maxsize=None)(lambda n: n * n)
print([squares(i) for i in range(5)], squares.cache_info(), gc.get_count())
squares.cache_clear()
print(gc.get_count(), gc.collect())
