# A dict does not shrink when keys go; new keys reuse nothing
import tracemalloc

tracemalloc.start()
d = {"k%d" % i: i for i in range(100)}
a = tracemalloc.get_traced_memory()[0]
for i in range(90):
    d.pop("k%d" % i)
b = tracemalloc.get_traced_memory()[0]
for i in range(90):
    d["n%d" % i] = i
c = tracemalloc.get_traced_memory()[0]
print(a, b, c, len(d))
tracemalloc.stop()
