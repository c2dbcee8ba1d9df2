# What importing bisect costs the collector from a clean start; its
# functions allocate nothing the collector counts.
import gc
import sys

gc.collect()
import bisect
print(gc.get_count())
print(gc.collect())
scores = []
for s in [70, 85, 60, 95, 75, 90, 80, 65]:
    bisect.insort(scores, s)
print(scores, gc.get_count(), sys.getsizeof(scores))
print(bisect.bisect(scores, 77), bisect.bisect_left(scores, 75, 2, 6), gc.get_count())
