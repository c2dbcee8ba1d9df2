# A copy of a small dict clones its keys table into fresh memory, even with
# a table of that size waiting on the free list: tracemalloc sees it.
import tracemalloc

settings = {"debug": False, "level": 3}
tracemalloc.start()
scratch = {"x": 1, "y": 2}
del scratch
before = tracemalloc.get_traced_memory()[0]
backup = settings.copy()
after_copy = tracemalloc.get_traced_memory()[0]
again = dict(settings)
after_dict = tracemalloc.get_traced_memory()[0]
merged = {**settings}
after_merge = tracemalloc.get_traced_memory()[0]
print("copy():", after_copy - before)
print("dict():", after_dict - after_copy)
print("{**d}:", after_merge - after_dict)
print(backup == again == merged)
tracemalloc.stop()
