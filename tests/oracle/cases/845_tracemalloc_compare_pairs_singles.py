# Where did the memory go?  Two snapshots around building a table of pairs
# and a list of 1-tuples, compared line by line.  Under 3.13 the import's
# pending collection parks tuples on the free lists during the first
# snapshot: the rows built after it reuse them untraced.
import tracemalloc

tracemalloc.start()
before = tracemalloc.take_snapshot()

pairs = [(i, str(i)) for i in range(100)]
singles = [(i,) for i in range(50)]
print("traced now:", tracemalloc.get_traced_memory()[0])

after = tracemalloc.take_snapshot()
for stat in after.compare_to(before, "lineno")[:4]:
    frame = stat.traceback[0]
    print(f"line {frame.lineno}: +{stat.size_diff} B in {stat.count_diff} blocks")
