# What iter() gives for each built-in container: its type's name, its size
# and whether the collector tracks it.
import gc
import sys

things = [[1, 2], (1, 2), "ab", "né", b"ab", bytearray(b"ab"), {1, 2},
          {"a": 1}, {"a": 1}.keys(), {"a": 1}.values(), {"a": 1}.items(), range(3)]
for thing in things:
    it = iter(thing)
    print(type(thing).__name__, type(it).__name__, sys.getsizeof(it), gc.is_tracked(it))

d = {"x": 1}
print(type(d.keys()).__name__, type(d.values()).__name__, type(d.items()).__name__)
print(sys.getsizeof(d.values()), gc.is_tracked(d.items()))
it = iter([1, 2, 3])
print(iter(it) is it, next(it))
