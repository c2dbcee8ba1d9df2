# clear() gives back the items and the item array, not the list itself
import tracemalloc

tracemalloc.start()
bag = [str(i) * 10 for i in range(1000)]
full = tracemalloc.get_traced_memory()[0]
bag.clear()
cleared = tracemalloc.get_traced_memory()[0]
bag.extend(range(10))
refilled = tracemalloc.get_traced_memory()[0]
print(full, cleared, refilled)
tracemalloc.stop()
