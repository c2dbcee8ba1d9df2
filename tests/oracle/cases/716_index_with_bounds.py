# Finding the second occurrence: list.index and tuple.index with start/stop,
# and pop() by position, as a tutorial on sequences writes them.
import sys

scores = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5]
first = scores.index(1)
second = scores.index(1, first + 1)
print("first 1 at", first, "second at", second)
print("a 5 in the last four:", scores.index(5, -4))
print("a 5 between 5 and 9:", scores.index(5, 5, 9))
print("clamped bounds:", scores.index(3, -100, 100))

def positions(seq, value):
    found, start = [], 0
    while True:
        try:
            i = seq.index(value, start)
        except ValueError:
            return found
        found.append(i)
        start = i + 1

print(positions(scores, 5), positions(tuple(scores), 1), positions("abc", "z"))

row = tuple(scores)
print(row.index(5, 5), row.index(1, True))
for args in [(1, 4, 6), (5, None), (5, 2.0), (3, 10**30), (3, -10**30), (3, 1, -10**30)]:
    for seq in (scores, row):
        try:
            print(seq.index(*args))
        except (ValueError, TypeError) as e:
            print(type(e).__name__, e)

class Slot(int):
    pass

queue = ["a", "b", "c", "d"]
print(queue.pop(Slot(1)), queue.pop(), queue)
for bad in (2.0, "0", None):
    try:
        queue.pop(bad)
    except TypeError as e:
        print("TypeError", e)
empty = []
try:
    empty.pop("x")
except TypeError as e:
    print("TypeError", e)
try:
    empty.pop()
except IndexError as e:
    print("IndexError", e)
tail = bytearray(b"memory")
print(tail.pop(Slot(0)), tail.pop(-1), tail)
print(sys.getrefcount(scores), len(scores))
