# Sorting records by a field chosen at run time with operator.attrgetter: the
# getter interns the field name and keeps it; each lookup puts the name in the
# type's method cache, which CPython 3.11 and 3.13 count (3.12 interns it for
# good: immortal).
import sys
from operator import attrgetter


class Sensor:
    def __init__(self, name, reading):
        self.name = name
        self.reading = reading

    def __repr__(self):
        return f"Sensor({self.name!r}, {self.reading})"


probes = [Sensor("attic", 21.5), Sensor("cellar", 12.0), Sensor("garage", 17.25)]
key = "".join(["read", "ing"])
by_reading = attrgetter(key)
print(sorted(probes, key=by_reading))
print(max(probes, key=attrgetter("name")))
both = attrgetter("name", key)
print([both(p) for p in probes])
field = "".join(["read", "ing_", "max"])
get = attrgetter(field)
print(sys.getrefcount(field))
try:
    get(probes[0])
except AttributeError as e:
    print("no", e.name, e.obj is probes[0])
print(sys.getrefcount(field))
