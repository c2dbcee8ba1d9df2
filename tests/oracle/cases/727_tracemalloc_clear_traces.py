# clear_traces() forgets everything traced so far; old objects stay untraced
import tracemalloc

tracemalloc.start()
first = [1.5 * i for i in range(400)]
figures = [tracemalloc.get_traced_memory()]
tracemalloc.clear_traces()
figures.append(tracemalloc.get_traced_memory())
del first
figures.append(tracemalloc.get_traced_memory())
second = list(range(300, 600))
figures.append(tracemalloc.get_traced_memory())
print(figures)
print(tracemalloc.get_traceback_limit(), tracemalloc.is_tracing())
tracemalloc.stop()
print(tracemalloc.get_traced_memory())
