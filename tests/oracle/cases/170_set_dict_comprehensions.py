import gc
import sys

# A word index, the way a tutorial builds one.
text = "the quick brown fox jumps over the lazy dog the end"
words = text.split()

unique = {w for w in words}
print(len(unique), sys.getsizeof(unique), gc.is_tracked(unique))
print(sorted(unique))

counts = {w: words.count(w) for w in unique}
print(sorted(counts.items()))
print(sys.getsizeof(counts), gc.is_tracked(counts))

# Squares and their roots, both ways round.
squares = {n: n * n for n in range(1, 11)}
roots = {v: k for k, v in squares.items()}
print(squares[7], roots[49], len(roots), sys.getsizeof(squares))

# An object shared by every entry: one reference per value.
marker = object()
before = sys.getrefcount(marker)
table = {i: marker for i in range(5)}
print(sys.getrefcount(marker) - before)
group = {marker for _ in range(5)}
print(sys.getrefcount(marker) - before, len(group))
del table, group
print(sys.getrefcount(marker) - before)

# Atomic values only: the comprehension's dict is untracked.
flags = {name: False for name in ("a", "b", "c")}
print(gc.is_tracked(flags))
nested = {name: [] for name in ("a", "b")}
print(gc.is_tracked(nested))

# The iterable is released when the comprehension ends.
data = [3, 1, 4, 1, 5, 9, 2, 6]
print(sys.getrefcount(data))
evens = {x for x in data if x % 2 == 0}
print(sys.getrefcount(data), sorted(evens))

# A set grows in steps: the sizes as it fills.
for n in (0, 4, 5, 18, 19, 100):
    print(n, sys.getsizeof({i for i in range(n)}), sys.getsizeof({i: i for i in range(n)}))

# Unhashable keys stop the comprehension with CPython's TypeError.
try:
    bad = {[i] for i in range(3)}
except TypeError as e:
    print("TypeError:", e)
try:
    bad = {(i, [i]): i for i in range(3)}
except TypeError as e:
    print("TypeError:", e)

# Nested comprehensions: a grid of coordinates and its transpose.
grid = {(r, c): r * 3 + c for r in range(3) for c in range(3)}
transposed = {(c, r): v for (r, c), v in grid.items()}
print(grid[(1, 2)], transposed[(2, 1)], len(transposed))
print(gc.collect())
