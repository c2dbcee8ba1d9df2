# groupby hands out (key, group) pairs; a group is only good until the
# next pair is taken, because they share one underlying iterator.
import gc
import itertools
import sys

words = ["ant", "ape", "bee", "bat", "cat", "cow", "eel"]
for letter, group in itertools.groupby(words, key=lambda w: w[0]):
    print(letter, list(group))

groups = list(itertools.groupby("aaabbbcc"))
print([(k, list(g)) for k, g in groups])

g = itertools.groupby([1, 1, 2, 2, 2, 3])
key, first_group = next(g)
print(key, type(first_group).__name__, sys.getsizeof(first_group), gc.is_tracked(first_group))
print(next(first_group))
key2, second_group = next(g)
print(key2, list(first_group), list(second_group))

data = [("fruit", "apple"), ("fruit", "pear"), ("veg", "kale")]
for kind, items in itertools.groupby(data, key=lambda pair: pair[0]):
    print(kind, [name for _, name in items])

counts = {k: len(list(g)) for k, g in itertools.groupby(sorted("mississippi"))}
print(counts)

gc.collect()
before = gc.get_count()[0]
for k, grp in itertools.groupby("aabbccdd"):
    for x in grp:
        pass
print("young objects:", gc.get_count()[0] - before)
