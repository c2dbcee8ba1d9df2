# A learner's experiment: tracemalloc imported first, then the modules the
# experiment needs.  Their imports leave the free lists in a state of
# their own (measured), and the experiment's objects come from them.
import tracemalloc
from dataclasses import dataclass
import random


@dataclass
class Reading:
    sensor: str
    value: float


random.seed(3)
tracemalloc.start()
readings = [Reading(f"s{i % 5}", random.random()) for i in range(200)]
pairs = [(r.sensor, r.value) for r in readings]
print("traced:", tracemalloc.get_traced_memory()[0])
snapshot = tracemalloc.take_snapshot()
for stat in snapshot.statistics("lineno")[:3]:
    print(stat.traceback[0].lineno, stat.size, stat.count)
