# itertools.tee splits one iterator in two: the copies share blocks of 57
# buffered values, which stay alive until the slowest copy has passed them.
import gc
import itertools
import sys

source = iter(range(200))
fast, slow = itertools.tee(source)
print(type(fast).__name__, sys.getsizeof(fast), gc.is_tracked(fast))
data = [r for r in gc.get_referents(fast) if type(r).__name__ == "_tee_dataobject"]
print(len(data), sys.getsizeof(data[0]), gc.is_tracked(data[0]))
print(sum(itertools.islice(fast, 100)), next(slow))
block = [r for r in gc.get_referents(slow) if type(r).__name__ == "_tee_dataobject"][0]
print(len(gc.get_referents(block)))
print(list(itertools.islice(slow, 3)), next(fast))
a, b, c = itertools.tee("xyz", 3)
print(list(a), list(b), next(c), list(itertools.tee([1], 0)))
d, e = itertools.tee(a)
print(type(d) is type(a), list(d), list(e))

gc.collect()
before = gc.get_count()[0]
left, right = itertools.tee(iter([1, 2, 3]))
print(list(zip(left, right)), gc.get_count()[0] - before)

for t in [enumerate, zip, map, filter, reversed, itertools.count, itertools.chain, type(iter([])),
          type({}.items()), type(iter({}.items()))]:
    print(t.__name__, sys.getsizeof(t))
print(gc.is_tracked(itertools.count), gc.is_tracked(enumerate))
print([type(r).__name__ for r in gc.get_referents(itertools.count(5))])
print([type(r).__name__ for r in gc.get_referents(enumerate("a"))])
