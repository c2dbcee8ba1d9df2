import tracemalloc
data = [(i * 7919) % 1000 for i in range(1000)]
tracemalloc.start()
data.sort()
current, peak = tracemalloc.get_traced_memory()
