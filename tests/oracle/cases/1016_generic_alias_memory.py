# What a type hint costs: each list[int] made at run time is a new
# GenericAlias object (80 bytes with its GC header) and, for a single
# argument, a new 1-tuple; dict[str, int] keeps the subscript's own tuple.
import gc
import sys
import tracemalloc

gc.disable()
tracemalloc.start()
before = tracemalloc.get_traced_memory()[0]
singles = [list[int] for _ in range(100)]
middle = tracemalloc.get_traced_memory()[0]
pairs = [dict[str, int] for _ in range(100)]
after = tracemalloc.get_traced_memory()[0]
print("per list[int]:", (middle - before - sys.getsizeof(singles)) / 100)
print("per dict[str, int]:", (after - middle - sys.getsizeof(pairs)) / 100)
print("distinct objects:", len({id(a) for a in singles}), singles[0] == singles[1])
del singles, pairs
print("freed:", tracemalloc.get_traced_memory()[0] - before)
tracemalloc.stop()

gc.collect()
start = gc.get_count()[0]
keep = [tuple[int, ...] for _ in range(10)]
print("young objects made:", gc.get_count()[0] - start)
args = keep[0].__args__
print(args, sys.getrefcount(args), sys.getrefcount(keep[0]))
del keep
print(sys.getrefcount(args))


def annotated(a: list[int], b: dict[str, int]) -> set[str]:
    return set()


print(len(annotated.__annotations__), sys.getrefcount(annotated.__annotations__["a"]))
