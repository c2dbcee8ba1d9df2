# A range is a lazy sequence: slicing one gives another range (never a
# list), computed from start, stop and step, always 48 bytes.
import sys

hours = range(24)
work = hours[9:17]
evens = hours[::2]
backwards = hours[::-1]
print(work, evens, backwards)
print(len(work), len(evens), list(hours[20:]), list(hours[-3:]))
print("sizes:", sys.getsizeof(hours), sys.getsizeof(work), sys.getsizeof(range(10**6)[::3]))
print("nested:", range(1, 100)[::2][::3][::-1][:4])
print("empty:", hours[30:40], hours[5:5], len(hours[10:2]), hours[10:2] == range(0))
print("negative steps:", range(10, 0, -2)[1:3], range(0, 20, 3)[1:-1], range(5)[::-2])
print("attributes:", work.start, work.stop, work.step, backwards.start, backwards.stop, backwards.step)

# equality is by the numbers produced, not by the arguments
print(range(0) == range(5, 2), range(1, 10, 2) == range(1, 11, 2), range(5) == range(0, 5, 1))
print(hours[::2] == range(0, 24, 2), evens is hours[::2])

# index and count answer without looping
print(hours.index(13), evens.index(22), range(5, 50, 5).index(45))
print(evens.count(4), evens.count(5), range(3).count(True))
try:
    evens.index(7)
except ValueError as e:
    print("ValueError:", e)
try:
    hours[24]
except IndexError as e:
    print("IndexError:", e)
try:
    hours["3"]
except TypeError as e:
    print("TypeError:", e)
try:
    hours[::0]
except ValueError as e:
    print("ValueError:", e)
try:
    hours[1:3] = [0]
except TypeError as e:
    print("TypeError:", e)


# a page of results, the way a paginator slices
def page(items, number, size=5):
    start = (number - 1) * size
    return items[start:start + size]


ids = range(100, 200, 7)
for n in (1, 2, 3):
    p = page(ids, n)
    print("page", n, p, list(p))
print(sys.getrefcount(hours), sys.getrefcount(work))
