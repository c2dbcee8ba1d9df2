# Pairing two lists that should be the same length: zip(strict=True)
# (3.10+) says which one ran out, instead of silently dropping items.
import gc
import sys

names = ["ada", "grace", "linus", "guido"]
scores = [91, 88, 75, 99]
for name, score in zip(names, scores, strict=True):
    print(f"{name:>6} {score}")

pairs = zip(names, scores, strict=True)
print(type(pairs).__name__, sys.getsizeof(pairs), gc.is_tracked(pairs))
print(sys.getrefcount(names), sys.getrefcount(scores))
print(next(pairs))
del pairs
print(sys.getrefcount(names), sys.getrefcount(scores))

scores.pop()
try:
    print(list(zip(names, scores, strict=True)))
except ValueError as e:
    print("ValueError:", e)
try:
    print(list(zip(scores, names, strict=True)))
except ValueError as e:
    print("ValueError:", e)
try:
    print(dict(zip(names, names, scores, strict=True)))
except ValueError as e:
    print("ValueError:", e)
ids = [1, 2]
try:
    print(list(zip(names[:3], scores, ids, strict=True)))
except ValueError as e:
    print("ValueError:", e)
print(list(zip(names, scores, strict=False)))
print(list(zip(strict=True)))
print(list(zip("abc", range(3), strict=1)))

def numbers():
    yield 1
    yield 2
    print("  generator ran out")

it = iter([10, 20, 30])
try:
    for pair in zip(numbers(), it, strict=True):
        print(pair)
except ValueError as e:
    print("ValueError:", e)
print("left in the iterator:", list(it))
