# enumerate() and zip() are lazy iterators in CPython: one result tuple,
# reused while nobody keeps it. What do they cost the heap and the collector?
import gc
import sys

names = ["ada", "grace", "linus", "guido", "barbara"]
gc.collect()
before = gc.get_count()
for i, name in enumerate(names):
    pass
for name, n in zip(names, range(5)):
    pass
print(gc.get_count()[0] - before[0])
