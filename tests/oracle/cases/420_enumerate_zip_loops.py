# Looping with enumerate(zip(...)) the way tutorials show it, and what the
# loop costs the collector: one enumerate, one zip, one reused result tuple.
import gc
import sys

names = ["ada", "grace", "linus", "guido"]
scores = [91, 78, 85, 99]

gc.collect()
start = gc.get_count()[0]
for rank, (name, score) in enumerate(zip(names, scores), start=1):
    print(rank, name, score)
print("young objects during the loop:", gc.get_count()[0] - start)

pairs = enumerate(zip(names, scores))
print(type(pairs).__name__, sys.getsizeof(pairs), gc.is_tracked(pairs))
inner = zip(names, scores)
print(type(inner).__name__, sys.getsizeof(inner), gc.is_tracked(inner))
first = next(pairs)
print(first, type(first[1]).__name__)
for i, pair in pairs:
    print(i, pair)
print(next(pairs, "done"))
