# What `import array` costs the collector, from a clean start: importlib
# allocates hundreds of tracked objects and leaves cycles behind.
import gc
import sys

gc.collect()
import array
print(gc.get_count())
print(gc.collect())
a = array.array("i", range(100))
print(gc.get_count(), gc.is_tracked(a), gc.get_referents(a))
print(sys.getrefcount(a), sys.getsizeof(a))
it = iter(a)
print(type(it).__name__, sys.getsizeof(it), gc.is_tracked(it), next(it), next(it))
b = a
del a
print(sys.getrefcount(b), array.typecodes)
print(gc.collect(), gc.get_count())
