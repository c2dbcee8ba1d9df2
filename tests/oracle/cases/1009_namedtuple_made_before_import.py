# Points of a namedtuple made while tracing, the class made before
# `import tracemalloc`: CPython files them under '<string>', line 1 (the
# __new__ that namedtuple compiles from a string).
from collections import namedtuple

Point = namedtuple("Point", "x y")
import tracemalloc

tracemalloc.start()
points = [Point(i, -i) for i in range(300, 340)]
snapshot = tracemalloc.take_snapshot()
top = snapshot.statistics("lineno")
for stat in top[:2]:
    print(str(stat).split("/")[-1])
