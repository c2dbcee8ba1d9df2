# Grouped by file, everything the program allocated is one entry
import tracemalloc

tracemalloc.start()
matrix = [[0] * 50 for _ in range(50)]
labels = {"row%d" % i: i for i in range(50)}
snap = tracemalloc.take_snapshot()
stats = snap.statistics("filename")
print(len(stats), stats[0].size, stats[0].count, stats[0].traceback[0].lineno)
by_line = snap.statistics("lineno")
print(sum(s.size for s in by_line) == stats[0].size)
print([s.traceback[0].lineno for s in by_line])
tracemalloc.stop()
