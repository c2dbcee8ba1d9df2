# ChainMap as the books show it: layered configuration (command line over
# environment over defaults), nested scopes with new_child/parents, and what
# the object itself costs.
import sys
from collections import ChainMap, defaultdict, Counter

defaults = {"color": "red", "user": "guest", "verbose": False}
environ = {"user": "alice"}
cli = {}
settings = ChainMap(cli, environ, defaults)
print(settings)
print(settings["color"], settings["user"], settings["verbose"])
print(len(settings), list(settings), sorted(settings))
print("user" in settings, "debug" in settings, settings.get("debug", "off"))

cli["color"] = "blue"            # writes go to the first mapping
settings["verbose"] = True
print(cli, defaults)
del settings["verbose"]
print(settings["verbose"])       # the default shows through again
try:
    del settings["user"]         # only in a deeper map
except KeyError as e:
    print("KeyError:", e)

# Nested scopes, like a tiny interpreter's variable lookup
globals_ = ChainMap({"x": 1, "y": 2})
func = globals_.new_child({"x": 10})
block = func.new_child(z=3)
print(block)
print(block["x"], block["y"], block["z"], len(block))
print(block.parents)
print(block.parents.parents, block.parents.parents.parents)
print(block.maps[0], len(block.maps))
for name in block:
    print(name, "=", block[name], end="; ")
print()

# Lookups use each mapping's own [] : a defaultdict answers for a missing key
counts = defaultdict(int)
view = ChainMap(counts, {"a": 5})
print(view["a"], view["b"], dict(counts))
tally = ChainMap(Counter("banana"), {"z": 26})
print(tally["a"], tally["q"], tally["z"])

# A subclass with __missing__
class Defaulting(ChainMap):
    def __missing__(self, key):
        return key.upper()

d = Defaulting({"a": "x"})
print(d["a"], d["b"], d, type(d.new_child()).__name__)

# Comparisons, copies, truth
a = ChainMap({"k": 1}, {"j": 2})
b = ChainMap({"j": 2, "k": 1})
print(a == b, a == {"k": 1, "j": 2}, a != b, a == [1])
c = a.copy()
c["new"] = 0
print(a, c, c.maps[1] is a.maps[1])
print(bool(ChainMap()), bool(ChainMap({})), bool(ChainMap({}, {"x": 0})))
print(a.pop("k"), a.setdefault("k", 9), a.maps[0])
a.update({"m": 1}, n=2)
print(a)
print(a.popitem(), a.popitem(), a.popitem(), a.maps[0])
try:
    a.popitem()
except KeyError as e:
    print("KeyError:", e)

# Recursion and sizes
loop = ChainMap({})
loop["me"] = loop
print(loop)
print(sys.getsizeof(settings), sys.getsizeof(settings.maps), sys.getsizeof(ChainMap().maps))
print(sys.getsizeof(block.maps), sys.getsizeof(block.maps[0]), sys.getsizeof(func.maps))
print(sys.getrefcount(environ), sys.getrefcount(settings.maps))
print(vars(ChainMap({"q": 1})))
try:
    hash(settings)
except TypeError as e:
    print("TypeError:", e)
