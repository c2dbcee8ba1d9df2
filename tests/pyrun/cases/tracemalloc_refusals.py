import tracemalloc
tracemalloc.start()
snapshot = tracemalloc.take_snapshot()
memory = tracemalloc.get_tracemalloc_memory()
