# Everyday array code: readings from a sensor kept as 16-bit values.
import sys
from array import array

readings = array("h", [120, 118, 125, 130, 127])
print(readings, len(readings), readings[0], readings[-1])
readings.append(131)
readings.extend([129, 128])
print(readings, sys.getsizeof(readings))
readings.insert(0, 100)
print(readings.pop(), readings.pop(0), readings.index(130), readings.count(125))
readings.remove(118)
print(readings, 125 in readings, 999 in readings)
print(readings[1:3], readings[::-1], readings[::2])
readings[0] = -5
readings[1:3] = array("h", [1, 2, 3, 4])
print(readings, sys.getsizeof(readings))
del readings[:2]
del readings[-1]
print(readings, len(readings))
readings.reverse()
print(readings, readings.tolist(), list(reversed(readings)))
both = readings + array("h", [7])
print(both, readings * 2, sys.getsizeof(both))
readings *= 3
print(len(readings), sys.getsizeof(readings))
print(array("h", [1, 2]) == array("h", [1, 2]), array("h", [1, 2]) < array("h", [1, 3]))
print(array("i", [1, 2]) == array("d", [1.0, 2.0]), str(array("f", [0.1])))
for bad in (40000, -40000, "x", 1.5):
    try:
        readings.append(bad)
    except (OverflowError, TypeError) as e:
        print(type(e).__name__, e)
try:
    array("z")
except ValueError as e:
    print("ValueError:", e)
try:
    readings + [1]
except TypeError as e:
    print("TypeError:", e)
try:
    readings[100]
except IndexError as e:
    print("IndexError:", e)
try:
    array("B", [1, 2]).extend(array("b", [3]))
except TypeError as e:
    print("TypeError:", e)
try:
    hash(readings)
except TypeError as e:
    print("TypeError:", e)
