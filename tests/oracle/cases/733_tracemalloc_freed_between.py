# Memory freed between two snapshots shows as a negative difference
import tracemalloc

tracemalloc.start()
table = {n: str(n) * 3 for n in range(800)}
extra = [n * 1.5 for n in range(600)]
before = tracemalloc.take_snapshot()
del table
after = tracemalloc.take_snapshot()
stats = after.compare_to(before, "lineno")
for stat in stats[:3]:
    print(stat.traceback[0].lineno, stat.size, stat.size_diff, stat.count, stat.count_diff)
tracemalloc.stop()
