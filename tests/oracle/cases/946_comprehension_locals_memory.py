# Measuring memory inside functions whose comprehensions read the
# function's own variables (a factor, an offset, a threshold).  3.11 runs
# each comprehension as a nested function: the variables it reads become
# cells and the comprehension gets a closure.  3.12 and 3.13 inline it
# (PEP 709): they stay plain locals, no cell, no closure tuple, no function.
import gc
import sys
import tracemalloc


def normalise(readings, scale):
    offset = min(readings)
    result = [(r - offset) * scale for r in readings]
    during = tracemalloc.get_traced_memory()[0]
    return result, during


def above(readings, threshold):
    picked = {r for r in readings if r > threshold}
    counts = {r: readings.count(r) for r in picked}
    during = tracemalloc.get_traced_memory()[0]
    return counts, during


def untouched(readings):
    doubled = [r * 2 for r in readings]
    during = tracemalloc.get_traced_memory()[0]
    return doubled, during


readings = [12, 15, 11, 15, 19, 11, 15]
tracemalloc.start()
base = tracemalloc.get_traced_memory()[0]
norm, during = normalise(readings, 10)
print(norm, during - base)
del norm
counts, during = above(readings, 12)
print(counts, during - base)
del counts
doubled, during = untouched(readings)
print(doubled, during - base)
del doubled
print(tracemalloc.get_traced_memory()[0] - base)
tracemalloc.stop()

gc.collect()
start = gc.get_count()[0]
for _ in range(25):
    normalise(readings, 2)
    above(readings, 14)
print(gc.get_count()[0] - start)
gc.collect()
print(sys.getrefcount(readings), len(gc.get_referrers(readings)))
