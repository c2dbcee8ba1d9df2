import tracemalloc
tracemalloc.start()
snapshot = tracemalloc.take_snapshot()
snapshot = snapshot.filter_traces((tracemalloc.Filter(False, "<unknown>"),))
