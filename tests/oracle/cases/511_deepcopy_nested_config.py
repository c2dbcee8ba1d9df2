# deepcopy follows every reference; shared parts stay shared in the copy.
import copy
import sys
import gc

defaults = ["debug", "verbose"]
config = {
    "name": "service",
    "ports": [8080, 8081],
    "profiles": {"dev": defaults, "test": defaults},
}
clone = copy.deepcopy(config)
print(clone == config, clone is config)
print(clone["ports"] is config["ports"])
print(clone["profiles"]["dev"] is clone["profiles"]["test"])
print(clone["profiles"]["dev"] is defaults)
print(sys.getsizeof(config["ports"]), sys.getsizeof(clone["ports"]))
print(sys.getsizeof(config), sys.getsizeof(clone))
print(sys.getrefcount(defaults), sys.getrefcount(clone["profiles"]["dev"]))
print(gc.is_tracked(clone), gc.is_tracked(clone["profiles"]))

numbers = {"a": 1, "b": 2.5, "c": "three"}
numbers_copy = copy.deepcopy(numbers)
print(gc.is_tracked(numbers_copy), sys.getsizeof(numbers_copy))
print(numbers_copy["c"] is numbers["c"])

ring = [1, 2]
ring.append(ring)
ring_copy = copy.deepcopy(ring)
print(ring_copy[2] is ring_copy, ring_copy[2] is ring)
print(sys.getrefcount(ring_copy))

frozen = (1, "two", (3.0, None))
print(copy.deepcopy(frozen) is frozen)
mixed = (1, [2, 3])
mixed_copy = copy.deepcopy(mixed)
print(mixed_copy is mixed, mixed_copy == mixed, mixed_copy[1] is mixed[1])
print(sys.getsizeof(mixed_copy), gc.is_tracked(mixed_copy))

grid = [[0] * 3 for _ in range(3)]
grid_copy = copy.deepcopy(grid)
grid_copy[0][0] = 9
print(grid[0][0], grid_copy[0][0], sys.getsizeof(grid_copy[0]))

memo = {}
a = copy.deepcopy([defaults, defaults], memo)
b = copy.deepcopy(defaults, memo)
print(a[0] is b, len(memo) > 0)
colours = {"red", "green"}
colours_copy = copy.deepcopy(colours)
print(colours_copy == colours, colours_copy is colours, sys.getsizeof(colours_copy))
