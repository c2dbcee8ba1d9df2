# import copy without a clean collector state: what gc.collect() finds is
# not known, so a collect whose result is used is refused (a dropped one runs).
import gc
import copy
gc.collect(0)
found = gc.collect()
print(found)
