# Assignment expressions: the value is kept under the name as well as used,
# so the name holds one more reference until it is rebound or deleted.
import sys

readings = [12, 40, 7, 55, 3, 61]
if (count := len(readings)) > 4:
    print(f"{count} readings, more than enough")

queue = list(readings)
total = 0
while (item := queue.pop()) != 7:
    total += item
print(total, item, queue)

blob = [0] * 1000
print(sys.getrefcount(blob))
if (alias := blob) is blob:
    print(sys.getrefcount(blob), alias is blob)
del alias
print(sys.getrefcount(blob))


def first_big(values, limit):
    for v in values:
        if (half := v // 2) > limit:
            return v, half
    return None, half


print(first_big(readings, 20), first_big([2, 4], 9))
print((x := 5) * 2, x, [x := x + 1, x])


class Meter:
    unit = (u := "cm")
    doubled = u * 2


print(Meter.unit, Meter.doubled)
