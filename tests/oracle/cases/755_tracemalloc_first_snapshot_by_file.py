# The first snapshot holds only what the program allocated
import tracemalloc

tracemalloc.start()
matrix = [[float(x) for x in range(20)] for _ in range(20)]
labels = ["row %d" % i for i in range(20)]
snap = tracemalloc.take_snapshot()
stats = snap.statistics("filename")
print(len(stats), stats[0].traceback[0].lineno, stats[0].size, stats[0].count)
print(sum(s.size for s in snap.statistics("lineno")) == stats[0].size)
tracemalloc.stop()
