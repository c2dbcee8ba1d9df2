# What importing heapq costs the collector from a clean start, and that
# its C functions allocate nothing but the list's own growth.
import gc
import sys

gc.collect()
import heapq
print(gc.get_count())
print(gc.collect())
h = []
for i in range(20):
    heapq.heappush(h, (i * 7) % 11)
print(gc.get_count(), sys.getsizeof(h))
for i in range(15):
    heapq.heappop(h)
print(gc.get_count(), sys.getsizeof(h), h)
heapq.heapify(h)
print(gc.get_count())
best = heapq.nlargest(2, [88, 92, 75, 64, 99, 81])
gc.collect()
print(best, gc.get_count())
item = [1, 2, 3]
heap = []
heapq.heappush(heap, item)
print(sys.getrefcount(item), heapq.heappop(heap) is item, sys.getrefcount(item))
print(heapq.heappush, heapq.heapify)
