# A name bound twice in an Enum's body: CPython's _EnumDict raises at the
# second binding; a redefined method is fine; equal values make aliases.
import gc
from enum import Enum

gc.collect()
try:
    class Weekday(Enum):
        MONDAY = 1
        TUESDAY = 2
        MONDAY = 7
        print("never reached")
except TypeError as err:
    print("TypeError:", err)

try:
    class Planet(Enum):
        EARTH = (5.97e24, 6.37e6)
        MARS = (6.42e23, 3.39e6)
        EARTH = "blue"
except TypeError as err:
    print("TypeError:", err)

class Status(Enum):
    ACTIVE = "active"
    RETIRED = "retired"
    OLD = "retired"

    def describe(self):
        return "first"

    def describe(self):
        return "status " + self.value

print(list(Status), Status.OLD is Status.RETIRED)
print(Status.ACTIVE.describe())
print(gc.collect())
