# deepcopy rebuilds containers one item at a time, so a copy can be
# bigger than its original, and a dict of plain values is not tracked.
import copy
import gc
import sys

scores = {"ann": 90, "bob": 85, "cy": 77, "dee": 68, "eve": 99, "fay": 71}
print(sys.getsizeof(scores), sys.getsizeof(copy.copy(scores)), sys.getsizeof(copy.deepcopy(scores)))
print(gc.is_tracked(scores), gc.is_tracked(copy.deepcopy(scores)))

rows = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
rows_copy = copy.deepcopy(rows)
print([sys.getsizeof(r) for r in rows], [sys.getsizeof(r) for r in rows_copy])
print(sys.getsizeof(rows), sys.getsizeof(rows_copy), sys.getsizeof(copy.copy(rows)))

inventory = {"a": 1, "b": 2, "c": 3, "d": 4}
del inventory["a"], inventory["b"]
print(sys.getsizeof(inventory), sys.getsizeof(copy.copy(inventory)))

shared = [0]
pair = (shared, shared)
pair_copy = copy.deepcopy(pair)
print(pair_copy[0] is pair_copy[1], pair_copy[0] is shared, gc.is_tracked(pair_copy))
words = {"alpha", "beta", "gamma", "delta", "epsilon"}
print(sys.getsizeof(words), sys.getsizeof(copy.copy(words)), sys.getsizeof(copy.deepcopy(words)))
nested = {"k": {"inner": (1, 2)}}
clone = copy.deepcopy(nested)
print(clone["k"]["inner"] is nested["k"]["inner"], gc.is_tracked(clone["k"]))
print(sys.getrefcount(nested["k"]["inner"]))
