# The LRU cache most books build on OrderedDict: a subclass whose get()
# and put() move the key they touch to the end and drop the oldest one
# when full.  What it costs: the dict's table plus the od's own node per
# key and an array of node pointers as big as the dict's table.
import gc
import sys
from collections import OrderedDict


class LRUCache(OrderedDict):
    """Keeps the `capacity` most recently used entries."""

    def __init__(self, capacity):
        super().__init__()
        self.capacity = capacity

    def get(self, key):
        if key not in self:
            return -1
        self.move_to_end(key)
        return self[key]

    def put(self, key, value):
        if key in self:
            self.move_to_end(key)
        self[key] = value
        if len(self) > self.capacity:
            self.popitem(last=False)


cache = LRUCache(3)
print(cache, sys.getsizeof(cache), gc.is_tracked(cache), cache.__dict__)
for word in ["apple", "banana", "cherry", "date"]:
    cache.put(word, len(word))
    print(word, list(cache), sys.getsizeof(cache))
print(cache.get("banana"), list(cache.keys()))
print(cache.get("apple"))
cache.put("elder", 5)
print(cache)
print(len(cache), cache.capacity, isinstance(cache, dict), type(cache).__mro__[1].__name__)
for key, value in cache.items():
    print(key, value, end="; ")
print()
print(list(reversed(cache)), list(cache.values()))
gc.collect()
print(gc.get_count())
cache.put("fig", 3)
cache.put("banana", 7)
print(gc.get_count(), cache)
key = "k" + str(42)
print(sys.getrefcount(key))
cache.put(key, 0)
print(sys.getrefcount(key))
cache.put("grape", 5)
cache.put("kiwi", 4)
cache.put("lime", 4)
print(sys.getrefcount(key), key in cache, list(cache))
print(cache.popitem(), cache.popitem(last=False), cache)
del cache
gc.collect()
print(gc.get_count())
