# any() and all() the way tutorials use them: validating input, short-circuiting
# over a generator, and what they leave behind.
import gc
import sys

scores = [72, 88, 95, 61, 79]
print(any(s > 90 for s in scores), all(s >= 60 for s in scores))
print(any([]), all([]), any(""), all(()))

checked = []


def passes(s):
    checked.append(s)
    return s >= 70


print(all(passes(s) for s in scores), checked)   # stops at 61
checked.clear()
print(any(passes(s) for s in scores), checked)   # stops at 72

words = ["apple", "", "cherry"]
print(all(words), any(words), all(len(w) > 4 for w in words if w))

big = list(range(1000))
before = sys.getrefcount(big)
print(any(x > 998 for x in big), sys.getrefcount(big) - before)

gc.collect()
c0 = gc.get_count()[0]
flags = [any(row) for row in [[0, 0], [0, 1], [], [1]]]
print(flags, gc.get_count()[0] - c0)

try:
    any(5)
except TypeError as e:
    print("TypeError:", e)
try:
    all()
except TypeError as e:
    print("TypeError:", e)
