# stop() forgets the traces; start() again begins from nothing
import tracemalloc

tracemalloc.start()
a = [0.5] * 1000
first = tracemalloc.get_traced_memory()
tracemalloc.stop()
stopped = tracemalloc.get_traced_memory()
tracemalloc.start()
b = [0.25] * 1000
second = tracemalloc.get_traced_memory()
del a
third = tracemalloc.get_traced_memory()
print(first, stopped, second, third)
tracemalloc.stop()
