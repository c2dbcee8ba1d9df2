# Settings layered with ChainMap: walking its keys(), values() and items()
# views, whose iterators are generators of collections.abc's code.
import gc
import sys
from collections import ChainMap

defaults = {"theme": "light", "font": "mono", "size": 12}
user = {"theme": "dark"}
settings = ChainMap(user, defaults)

keys = settings.keys()
it = iter(keys)
print(type(it).__name__, sys.getsizeof(it), gc.is_tracked(it))
print(sys.getrefcount(keys))
print(next(it), next(it))
print(list(it), list(it))
print(sys.getrefcount(keys))
del it

for name, value in settings.items():
    print(f"{name} = {value!r}")
values = iter(settings.values())
print(type(values).__name__, sys.getsizeof(values))
print(next(values))
user["font"] = "serif"
print(list(values))
pairs = iter(settings.items())
print(sys.getsizeof(pairs), next(pairs))
print(sorted(settings.keys()), list(reversed(list(settings.values()))))
print([k for k in settings.keys() if k != "size"], len(settings.keys()))
