# What importing reprlib costs the collector from a clean start, and that
# its repr leaves nothing behind: the objects it builds are all freed.
import gc
import sys

gc.collect()
import reprlib
print(gc.get_count())
print(gc.collect())
data = list(range(100))
before = sys.getrefcount(data)
text = reprlib.repr(data)
print(text, sys.getrefcount(data) == before, sys.getrefcount(text))
gc.collect()
print(gc.get_count())
big = {i: [i] * 10 for i in range(50)}
summary = reprlib.repr(big)
gc.collect()
print(summary, gc.get_count(), len(big))
