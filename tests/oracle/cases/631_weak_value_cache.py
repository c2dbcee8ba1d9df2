# A thumbnail cache that never keeps a thumbnail alive on its own.
import gc
import sys
import weakref


class Thumbnail:
    def __init__(self, path, size):
        self.path = path
        self.size = size

    def __repr__(self):
        return "Thumbnail(" + repr(self.path) + ")"


class ThumbnailCache:
    def __init__(self):
        self._cache = weakref.WeakValueDictionary()
        self.misses = 0

    def get(self, path):
        thumb = self._cache.get(path)
        if thumb is None:
            self.misses += 1
            thumb = Thumbnail(path, 128)
            self._cache[path] = thumb
        return thumb


cache = ThumbnailCache()
a = cache.get("cat.png")
b = cache.get("dog.png")
c = cache.get("cat.png")
print(a is c, cache.misses, len(cache._cache))
print(sorted(cache._cache.keys()))
print(sys.getrefcount(a))

del a
print(len(cache._cache), "cat.png" in cache._cache)
del c
print(len(cache._cache), "cat.png" in cache._cache)
print(sorted(cache._cache))

d = cache.get("cat.png")
print(cache.misses, len(cache._cache))
for path in sorted(cache._cache):
    print(path, cache._cache[path].size)

b.me = b            # a thumbnail that refers to itself
del b
print(len(cache._cache), "dog.png" in cache._cache)
print(gc.collect())
print(len(cache._cache), "dog.png" in cache._cache)
print(list(cache._cache.values()))
try:
    cache._cache["dog.png"]
except KeyError as e:
    print("KeyError:", e)
print(cache._cache.pop("cat.png").path, len(cache._cache))
print(cache._cache.pop("nope", "default"))
