# What importing statistics (fractions, decimal, random and what they
# need) costs the collector from a clean start; its results afterwards.
import gc
import sys

gc.collect()
import statistics
print(gc.get_count())
print(gc.collect())
import random
import fractions
print(gc.get_count())
scores = [70, 85, 85, 92]
avg = statistics.mean(scores)
print(avg, sys.getsizeof(avg), gc.is_tracked(avg), sys.getrefcount(scores))
gc.collect()
print(gc.get_count())
