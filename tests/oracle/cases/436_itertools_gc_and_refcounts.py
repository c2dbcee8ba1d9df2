# What itertools objects cost the collector and who holds their items:
# product and combinations reuse one result tuple while nobody keeps it.
import gc
import itertools
import sys

gc.collect()
before = gc.get_count()[0]
for pair in itertools.product("abc", "xyz"):
    pass
print("product, dropped:", gc.get_count()[0] - before)

gc.collect()
before = gc.get_count()[0]
kept = list(itertools.product("abc", "xyz"))
print("product, kept:", gc.get_count()[0] - before, len(kept))

gc.collect()
before = gc.get_count()[0]
for combo in itertools.combinations(range(6), 3):
    pass
print("combinations:", gc.get_count()[0] - before)

gc.collect()
before = gc.get_count()[0]
for perm in itertools.permutations("abcd"):
    pass
print("permutations:", gc.get_count()[0] - before)

gc.collect()
before = gc.get_count()[0]
for a, b in itertools.zip_longest("abcdef", "xy"):
    pass
print("zip_longest:", gc.get_count()[0] - before)

gc.collect()
before = gc.get_count()[0]
for a, b in itertools.pairwise("abcdef"):
    pass
print("pairwise:", gc.get_count()[0] - before)

gc.collect()
before = gc.get_count()[0]
total = sum(itertools.islice(itertools.count(), 100))
print("islice(count()):", gc.get_count()[0] - before, total)

p = itertools.product([1, 2], [3, 4])
first = next(p)
second = next(p)
print(first, second, first is second, sys.getrefcount(first), sys.getrefcount(second))
del first
third = next(p)
print(third, sys.getrefcount(third))

word = "memory"
c = itertools.cycle(word)
print(sys.getrefcount(word), [next(c) for _ in range(8)])
r = itertools.repeat(word, 3)
print(sys.getrefcount(word))
print(list(r), sys.getrefcount(word))
