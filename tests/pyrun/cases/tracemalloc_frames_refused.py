import tracemalloc
tracemalloc.start(25)
