# A dict grows in steps: watch the traced memory jump
import tracemalloc

tracemalloc.start()
d = {}
seen = []
last = tracemalloc.get_traced_memory()[0]
for i in range(100):
    d["key%d" % i] = i
    now = tracemalloc.get_traced_memory()[0]
    if now - last > 100:
        seen.append((len(d), now - last))
    last = now
print(seen)
tracemalloc.stop()
