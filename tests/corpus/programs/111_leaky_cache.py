import sys
import weakref

_results = {}


def expensive(obj):
    # Leaks: the cache keeps every argument alive forever.
    key = id(obj)
    if key not in _results:
        _results[key] = (obj, len(obj.data) * 2)
    return _results[key][1]


class Dataset:
    def __init__(self, n):
        self.data = list(range(n))


for n in (10, 20, 30):
    expensive(Dataset(n))
print("cached entries:", len(_results))
print("alive datasets:", sum(isinstance(v[0], Dataset) for v in _results.values()))

_weak_results = weakref.WeakKeyDictionary()


def expensive_fixed(obj):
    if obj not in _weak_results:
        _weak_results[obj] = len(obj.data) * 2
    return _weak_results[obj]


keep = Dataset(5)
for n in (10, 20, 30):
    expensive_fixed(Dataset(n))
print(expensive_fixed(keep), "weak entries:", len(_weak_results))
print(sys.getrefcount(keep))
