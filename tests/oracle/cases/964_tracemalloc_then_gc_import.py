# The usual header of a memory experiment, in the "wrong" order: tracemalloc
# first, then gc.  Importing gc makes its module (a dict, a list, its
# functions), which takes blocks off the free lists the tracemalloc import
# left; under 3.13 it also runs the young collection that import left
# pending.  What the experiment's own objects cost depends on both.
import tracemalloc
import gc
from collections import defaultdict

tracemalloc.start()
base = tracemalloc.get_traced_memory()[0]

registry = defaultdict(list)
for n in range(40):
    registry[n % 4].append({"id": n, "tags": (n, n + 1)})
print("records:", tracemalloc.get_traced_memory()[0] - base)

singles = [(n,) for n in range(1000, 1012)]
print("with 1-tuples:", tracemalloc.get_traced_memory()[0] - base)

snapshot = tracemalloc.take_snapshot()
for stat in snapshot.statistics("lineno")[:3]:
    print(stat.traceback[0].lineno, stat.size, stat.count)
