# f-strings in a loop: each float field binds __format__ (a GC object), and
# the join is made while its pieces live (tracemalloc's peak)
import gc, tracemalloc
gc.collect()
class C:
    pass
counts = []
for i in range(2000):
    c = C()
    c.me = c
    s = f"{i / 3:.2f} and {i:5d}"
    if i % 250 == 0:
        counts.append(gc.get_count()[0])
print(counts, gc.collect())
tracemalloc.start()
current, peak = 964000.0, 970000.0
tracemalloc.reset_peak()
b = tracemalloc.get_traced_memory()[0]
line = f"Current: {current / 1024:.1f} KiB; Peak: {peak / 1024:.1f} KiB"
c, p = tracemalloc.get_traced_memory()
print(line, c - b, p - b)
data = [str(i) * 10 for i in range(2000)]
cur, pk = tracemalloc.get_traced_memory()
print(f"Current: {cur / 1024:.1f} KiB; Peak: {pk / 1024:.1f} KiB")
del data
print(tracemalloc.get_traced_memory()[1] - pk)
