# The cost of importing math, seen by the collector, and its floats.
import gc
import sys

gc.collect()
import math

print(gc.get_count())
print(gc.collect())
print(sys.getrefcount(math.pi), sys.getsizeof(math.pi), gc.is_tracked(math.pi))
root = math.sqrt(2)
print(sys.getrefcount(root), sys.getsizeof(root), type(root).__name__)
values = [math.sqrt(n) for n in range(10)]
print(len(values), gc.is_tracked(values), sys.getsizeof(values))
pair = math.modf(2.5)
print(pair, gc.is_tracked(pair), sys.getsizeof(pair))
print(gc.get_count())
from math import floor, ceil
print(floor(2.5), ceil(2.5), gc.get_count())
