# A tuple dropped and another made later: the second reuses the first's
# memory from the tuple free list.  Which line does tracemalloc blame?
# 3.11 and 3.12 move the block's trace to the line that reuses it; 3.13.0
# keeps the line that first allocated it.
import tracemalloc

v = 12345
tracemalloc.start()
first = (v, v, v, v, v, v, v, v, v, v, v, v, v, v, v, v, v, v, v)
del first
second = (v, v, v, v, v, v, v, v, v, v, v, v, v, v, v, v, v, v, v)
grid = [v, v]
del grid
row = [v]
snapshot = tracemalloc.take_snapshot()
for stat in snapshot.statistics("lineno"):
    print(stat.traceback[0].lineno, stat.size, stat.count)
