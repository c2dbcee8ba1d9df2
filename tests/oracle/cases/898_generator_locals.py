# locals() inside a generator: 3.11 and 3.12 keep one f_locals dict with
# the suspended frame and refresh it at each call; 3.13 (PEP 667) hands
# out a new snapshot each time.
import gc
import sys


def counter(limit):
    total = 0
    for n in range(limit):
        total += n
        yield locals()


gen = counter(3)
first = next(gen)
print(sorted(first), first["n"], first["total"])
second = next(gen)
print(first is second, first["n"], second["n"])
print(type(first).__name__, sys.getsizeof(first), gc.is_tracked(first))
print(sys.getrefcount(first), sys.getrefcount(second))


def stages():
    a = "start"
    yield sorted(locals())
    b = [1, 2]
    yield sorted(locals())
    del a
    yield sorted(locals())


print(list(stages()))

g = counter(2)
snap = next(g)
g.close()
print(snap["n"], sys.getrefcount(snap))
del g
print(snap["n"], sys.getrefcount(snap))


def watcher():
    seen = []
    while True:
        item = yield dict(locals())
        if item is None:
            return
        seen.append(item)


w = watcher()
next(w)
print(w.send("x")["seen"], w.send("y")["item"])
w.close()
del w
print("collected:", gc.collect())
