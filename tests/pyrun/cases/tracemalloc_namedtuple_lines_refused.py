# Points of a namedtuple made while tracing: their memory is counted right,
# but CPython attributes them to '<string>', line 1 (the __new__ that
# namedtuple compiles from a string), which the model does not have.
from collections import namedtuple

Point = namedtuple("Point", "x y")
import tracemalloc

tracemalloc.start()
points = [Point(i, -i) for i in range(300, 340)]
snapshot = tracemalloc.take_snapshot()
top = snapshot.statistics("lineno")
print(top[0])
