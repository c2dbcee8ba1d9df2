# Small surprises of the built-in types: a set looked up as a frozenset,
# ranges compared by their items, bool operators that stay bools.
import sys

seen = {frozenset({"a", "b"}), frozenset()}
group = {"b", "a"}
print(group in seen, set() in seen, {"x"} in seen)
seen.discard({"a", "b"})
print(seen)
try:
    seen.remove({"zz"})
except KeyError as e:
    print("KeyError:", e)

evens = range(0, 10, 2)
print(evens == range(0, 9, 2), range(0) == range(7, 3), range(4, 5) == range(4, 9, 3), evens != range(0, 10, 3))
cache = {range(3): "first three"}
print(cache[range(0, 3, 1)], len({range(2), range(0, 2), range(0, 2, 5)}), hash(range(0, 9, 2)) == hash(evens))
print(4.0 in evens, 4.5 in evens, True in range(2), 10 ** 40 in evens)

ready, loaded = True, False
print(ready & loaded, ready | loaded, ready ^ loaded, ready & 1, type(ready ^ loaded).__name__)
flags = [True, False, True]
print(sum(flags), flags.count(True), all(flags) | any(flags))
try:
    2 @ 3
except TypeError as e:
    print("TypeError:", e)
try:
    b"ab"[9]
except IndexError as e:
    print("IndexError:", e)
try:
    int(bytearray(b"4x"))
except ValueError as e:
    print("ValueError:", e)
print(sys.getsizeof(evens), sys.getsizeof(range(10 ** 6)))
