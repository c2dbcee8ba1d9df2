# Iterators are tracked by the collector: an object that keeps iterators
# over lists holding itself is a cycle that only gc.collect() frees.
import gc

class Walker:
    def __init__(self, name):
        self.name = name

gc.collect()
w = Walker("w")
w.steps = enumerate([w])
w.pairs = zip([w], [w])
w.texts = map(str, [w])
w.back = reversed([w])
w.kept = filter(None, [w])
w.calls = iter(Walker, w)
del w
print("collected:", gc.collect())

gc.collect()
v = Walker("v")
v.it = iter([v, v])
print(next(v.it).name)
del v
print("collected:", gc.collect())

print(min(map(abs, [-3, 2, -1])), max(zip("ab", [2, 1]), key=lambda p: p[1]))
print(sum(x * y for x, y in zip([1, 2], [3, 4])))
print(list(zip([1], [2]))[0], tuple(enumerate("ab")), set(map(abs, [-1, 1])))
print(len(gc.get_referents(enumerate([1]))), gc.get_referents(zip())[1])
try:
    len(zip())
except TypeError as err:
    print(err)
print([i for i, _ in enumerate(range(3))])
a, b = zip(*[(1, 2), (3, 4)])
print(a, b)
print(list(map(lambda *t: t, [1, 2], "ab")))
