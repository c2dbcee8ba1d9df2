# A module imported after `import tracemalloc` that its own import did not
# bring: its import takes an unknown set of blocks off the free lists the
# tracemalloc import left, so the traced figures after it are refused.
import tracemalloc
import statistics

tracemalloc.start()
samples = [statistics.mean([i, i + 1]) for i in range(10)]
print(tracemalloc.get_traced_memory()[0] > 0)
