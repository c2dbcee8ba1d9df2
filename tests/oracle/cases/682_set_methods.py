# Sets the way tutorials use them: membership, the algebra, and what a
# set's table looks like after removals.
import sys

python_devs = {"ana", "ben", "chen", "dora"}
rust_devs = ["chen", "eve", "ben", "fay"]
print(sorted(python_devs.union(rust_devs)), sorted(python_devs.intersection(rust_devs)))
print(sorted(python_devs.difference(rust_devs)), sorted(python_devs.symmetric_difference(rust_devs)))
print(python_devs.issubset({"ana", "ben", "chen", "dora", "gus"}), python_devs.issuperset(["ana"]))
print(python_devs.isdisjoint(["zed"]), python_devs.isdisjoint(rust_devs))

ids = {3, 17, 42, 8, 99, 1}
print(ids | {5, 6}, ids & {42, 1, 7}, ids - {3, 8}, ids ^ {8, 100})
print(ids.union([7], range(3)), ids.intersection({1, 3, 8}, [8, 3]), ids.difference([1], {3}))
print({1, 2} < {1, 2, 3}, {1, 2} <= {1, 2}, {3} > set(), {1} >= {1, 2}, frozenset({1}) < {1, 2})

seen = set()
for n in [5, 13, 21, 5, 29, 13]:
    seen.add(n)
print(seen, sys.getsizeof(seen))
seen.discard(13)
seen.remove(21)
seen.add(37)
seen.add(45)
print(seen, sys.getsizeof(seen), len(seen))
first = seen.pop()
second = seen.pop()
print(first, second, seen)

queue = set(range(0, 64, 8))
while queue:
    print(queue.pop(), end=" ")
print()

big = set(range(100))
big.difference_update(range(90))
print(big, sys.getsizeof(big))
big.update({200, 300}, [400])
print(big, sys.getsizeof(big))
small = set(range(10))
small.intersection_update(range(5, 50))
print(small, sys.getsizeof(small))
small.symmetric_difference_update([1, 5, 6])
print(small)
copy = small.copy()
print(copy, copy == small, copy is small, sys.getsizeof(copy))
copy.clear()
print(copy, sys.getsizeof(copy), small)

print({0, 8, 16, 24, 1}, {x * 8 for x in range(6)}, set((0, 8, 16, 24, 1)))
fs = frozenset([9, 1, 17])
print(fs.union({25}), fs.copy() is fs, type(fs | {1}).__name__, fs - {1})
try:
    set().pop()
except KeyError as e:
    print("KeyError:", e)
try:
    seen.remove(1000)
except KeyError as e:
    print("KeyError:", e)
