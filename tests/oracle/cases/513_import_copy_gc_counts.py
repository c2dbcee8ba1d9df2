# What importing copy costs the collector, measured from a clean start.
import gc

gc.collect()

gc.collect()
import copy
print(gc.get_count())

print(gc.collect())
print(gc.get_count())
data = [[i] for i in range(5)]
gc.collect()
clone = copy.deepcopy(data)
print(gc.get_count())
del clone
print(gc.get_count())
