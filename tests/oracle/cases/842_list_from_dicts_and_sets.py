# list() of a dict, a set or a dict view: how big the new list is, and what building it allocates
import sys, gc, tracemalloc

for n in (1, 3, 6, 7, 9, 10, 13, 50):
    d = {f"k{i}": i for i in range(n)}
    s = set(range(n))
    sizes = [sys.getsizeof(x) for x in (list(d), list(d.keys()), list(d.values()), list(d.items()),
                                        list(s), list(frozenset(s)), list(tuple(s)), [*d], sorted(s))]
    print(n, sizes)

grow = []
grow.extend({"a": 1, "b": 2, "c": 3})
grow.extend({4, 5})
grow += {"x": 0}.items()
print(grow, sys.getsizeof(grow))

gc.collect()
before = gc.get_count()[0]
table = {i: i * i for i in range(20)}
pairs = list(table.items())
print(gc.get_count()[0] - before, len(pairs), pairs[:3])

tracemalloc.start()
def traced(make):
    tracemalloc.reset_peak()
    base = tracemalloc.get_traced_memory()[0]
    made = make()
    now, peak = tracemalloc.get_traced_memory()
    return now - base, peak - base
print(traced(lambda: list(table)), traced(lambda: list(table.values())), traced(lambda: list(table.items())))
print(traced(lambda: list(set(table))), traced(lambda: [k for k in table]))
tracemalloc.stop()
