# Sensor readings kept by the thousand: a plain class against one with __slots__.
import sys


class Reading:
    def __init__(self, sensor, value, unit):
        self.sensor = sensor
        self.value = value
        self.unit = unit


class CompactReading:
    __slots__ = ("sensor", "value", "unit")

    def __init__(self, sensor, value, unit):
        self.sensor, self.value, self.unit = sensor, value, unit


a = Reading("t1", 20.5, "C")
b = CompactReading("t1", 20.5, "C")
print("one plain reading:", sys.getsizeof(a), "and its attribute dict:", sys.getsizeof(a.__dict__))
print("one compact reading:", sys.getsizeof(b))
print("has __dict__:", hasattr(a, "__dict__"), hasattr(b, "__dict__"))
print("class sizes:", sys.getsizeof(Reading), sys.getsizeof(CompactReading))
points = [CompactReading(i % 7, i * 0.5, "C") for i in range(10000)]
plain = [Reading(i % 7, i * 0.5, "C") for i in range(10000)]
total_slots = sum(sys.getsizeof(p) for p in points)
total_plain = sum(sys.getsizeof(p) for p in plain)
print("10,000 slotted:", total_slots)
print("10,000 plain:", total_plain)
print("saved per instance:", (total_plain - total_slots) // 10000)
print(points[9999].sensor, points[9999].value, plain[5].unit)
