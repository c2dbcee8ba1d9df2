# Unpacking into displays: [*a, *b], (*a,), {*a}, {**d1, **d2}.
import gc
import sys

evens = [0, 2, 4]
odds = (1, 3, 5)
merged = [*evens, *odds]
print(merged, sys.getsizeof(merged), len(merged))
with_extra = [*evens, 6, 8, *odds, 7]
print(with_extra, sys.getsizeof(with_extra))
as_tuple = (*evens, *odds)
print(as_tuple, sys.getsizeof(as_tuple), gc.is_tracked(as_tuple))
from_str = [*"hello"]
print(from_str, sys.getsizeof(from_str))
from_range = [*range(7)]
print(from_range, sys.getsizeof(from_range))
one = [*[1]]
print(one, sys.getsizeof(one))
empty = [*[]]
print(empty, sys.getsizeof(empty))

letters = {*"mississippi"}
print(sorted(letters), sys.getsizeof(letters))
numbers = {*range(20)}
print(len(numbers), sys.getsizeof(numbers))
mixed = {*evens, *odds, 9}
print(sorted(mixed), sys.getsizeof(mixed))
from_set = {*numbers}
print(len(from_set), sys.getsizeof(from_set))
from_dict = {*{"a": 1, "b": 2}}
print(sorted(from_dict), sys.getsizeof(from_dict))

defaults = {"color": "red", "size": 10}
overrides = {"size": 12, "shape": "circle"}
config = {**defaults, **overrides}
print(config, sys.getsizeof(config))
copy = {**defaults}
print(copy, sys.getsizeof(copy), sys.getsizeof(defaults))
extended = {**defaults, "weight": 3}
print(extended, sys.getsizeof(extended))
front = {"id": 7, **defaults}
print(front, sys.getsizeof(front))
counts = {}
for i in range(12):
    counts["k" + str(i)] = i
spread = {**counts}
print(len(spread), sys.getsizeof(spread), sys.getsizeof(counts))
del counts["k0"]
spread2 = {**counts}
print(len(spread2), sys.getsizeof(spread2))
ints = {1: "one", 2: "two"}
both = {**ints, **defaults}
print(both, sys.getsizeof(both))
nested = {**{"inner": [1, 2]}}
print(gc.is_tracked(nested), gc.is_tracked({**defaults}))

value = object()
holder = {"v": value}
print(sys.getrefcount(value))
clone = {**holder}
print(sys.getrefcount(value))
as_list = [*holder.values()]
print(sys.getrefcount(value))
del clone, as_list
print(sys.getrefcount(value))
try:
    bad = {**evens}
except TypeError as err:
    print("TypeError:", err)
try:
    bad = [*5]
except TypeError as err:
    print("TypeError:", err)
try:
    bad = {*[[1]]}
except TypeError as err:
    print("TypeError:", err)
