# Snapshots taken one after another, the traced total kept after each:
# from the second on, CPython's figure depends on the argument tuples the
# earlier snapshots' calls left on the free lists, which the model lacks.
import tracemalloc

tracemalloc.start()
history, totals = [], []
for step in range(3):
    history.append(tracemalloc.take_snapshot())
    totals.append(tracemalloc.get_traced_memory()[0])
print(totals)
