# A set resizes its table as it fills
import tracemalloc

tracemalloc.start()
seen = set()
sizes = []
for word in ("w%d" % i for i in range(300)):
    seen.add(word)
    if len(seen) in (1, 5, 10, 50, 100, 300):
        sizes.append(tracemalloc.get_traced_memory()[0])
print(sizes)
tracemalloc.stop()
