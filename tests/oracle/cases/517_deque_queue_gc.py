# A deque as a work queue: what the collector sees along the way.
import gc
import sys
from collections import deque

gc.collect()
queue = deque()
print(gc.get_count())
for job in ("build", "test", "deploy"):
    queue.append([job])
print(gc.get_count(), len(queue))
while queue:
    job = queue.popleft()
    print("running", job[0], sys.getrefcount(job))
print(gc.get_count(), sys.getsizeof(queue))

jobs = deque([["a"], ["b"]])
it = iter(jobs)
print(type(it).__name__, sys.getsizeof(it), gc.is_tracked(it))
print(next(it))
jobs.append(["c"])
try:
    next(it)
except RuntimeError as err:
    print("RuntimeError:", err)
print(list(reversed(jobs)))

ring = deque()
ring.append(ring)
print(ring)
del ring
print(gc.collect())
print(gc.get_referents(deque([1, 2]))[-2:])
