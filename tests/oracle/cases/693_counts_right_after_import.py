# Watching the young generation right after an import: the import drops
# thousands of temporaries, and the free lists keep some of them, so the
# first tuples and lists the program makes next cost the collector nothing.
import gc
gc.collect()
import math

before = gc.get_count()
radii = [r / 2 for r in range(1, 6)]
areas = [(r, math.pi * r * r) for r in radii]
after = gc.get_count()
print(before, after)

table = {"unit": "cm", "values": areas, "max": max(areas, key=lambda p: p[1])}
print(gc.get_count())


def describe(point):
    r, a = point
    return [round(r, 1), round(a, 2), (r, a)]


rows = [describe(p) for p in areas]
print(gc.get_count(), rows[-1])
del rows, table
print(gc.get_count())
print(gc.collect(), gc.get_count())
