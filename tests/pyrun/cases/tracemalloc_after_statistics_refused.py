import tracemalloc
tracemalloc.start()
data = [bytes(10) for _ in range(50)]
snapshot = tracemalloc.take_snapshot()
top = snapshot.statistics("lineno")
n = len(top)
current, peak = tracemalloc.get_traced_memory()
