# Thousands of objects before any collect, but no cyclic garbage: automatic
# collections run, find nothing, and the output is the same whenever they ran.
import gc
import sys

rows = [[i, str(i)] for i in range(2000)]
total = sum(r[0] for r in rows)
print(len(rows), total)
print(sys.getsizeof(rows[0]))
print("collected:", gc.collect())
