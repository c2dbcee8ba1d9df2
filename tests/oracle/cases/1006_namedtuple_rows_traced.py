# How much do a thousand namedtuple records cost?  The class is made before
# tracing starts, so only the records are counted.
import tracemalloc
from collections import namedtuple

Point = namedtuple("Point", "x y")
tracemalloc.start()
before = tracemalloc.get_traced_memory()[0]
first = Point(1000, 1001)
second = Point(1002, 1003)
after = tracemalloc.get_traced_memory()[0]
print("two points:", after - before, "bytes")
pts = [Point(i, i + 1) for i in range(1000)]
current, peak = tracemalloc.get_traced_memory()
print("a thousand points:", current, peak)
print("per point:", round((current - after) / 1000, 1))
tracemalloc.stop()
