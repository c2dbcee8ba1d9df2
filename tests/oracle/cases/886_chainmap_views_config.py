# Layered settings with ChainMap, walked the way tutorials walk a dict:
# keys(), items(), values(), membership tests on the views, and what a
# view object costs (collections.abc's KeysView & co., 40 bytes each).
import sys, gc
from collections import ChainMap

defaults = {"theme": "light", "font_size": 12, "autosave": True, "language": "en"}
user_prefs = {"theme": "dark", "font_size": 14}
session = {"font_size": 16}
config = ChainMap(session, user_prefs, defaults)

print("Effective settings:")
for name, value in config.items():
    print(f"  {name:<10} = {value!r}")

print("keys:", list(config.keys()))
print("values:", list(config.values()))
print("sorted keys:", sorted(config.keys()))
print(len(config.keys()), len(config.items()), len(config.values()))

print("theme" in config.keys(), "color" in config.keys())
print(("theme", "dark") in config.items(), ("theme", "light") in config.items())
print(("missing", 1) in config.items())
print(16 in config.values(), 12 in config.values(), "en" in config.values())

keys = config.keys()
print(keys)
print(config.values())
print(type(keys).__name__, type(config.items()).__name__, type(config.values()).__name__)
print(keys == {"theme", "font_size", "autosave", "language"})
print(keys == {"theme"}, keys != {"theme"})
print(config.items() == config.items(), config.values() == config.values())

# Views are live: they read the maps again every time
session["language"] = "fr"
print(list(keys), len(keys), dict(config.items())["language"])
del session["language"]
print(dict(config.items()))

# What they cost
print(sys.getsizeof(keys), sys.getsizeof(config.items()), sys.getsizeof(config.values()))
print(gc.is_tracked(keys), hasattr(keys, "__dict__"), type(keys).__slots__)
print(sys.getrefcount(config))
k2 = config.keys()
print(sys.getrefcount(config), keys is k2, keys == k2)
del keys, k2
print(sys.getrefcount(config))
try:
    hash(config.keys())
except TypeError as e:
    print("TypeError:", e)
print(type(hash(config.values())).__name__)

# Counting words per section, reported through items()
totals = ChainMap({"intro": 120}, {"body": 900, "intro": 100}, {"outro": 80})
grand = 0
for section, words in sorted(config.items() and totals.items()):
    grand += words
    print(section, words)
print("total words:", grand, sum(totals.values()))

# Python 3.9+: merging with |, and fromkeys
overrides = {"theme": "solarized"}
merged = config | overrides
print(merged.maps[0], merged["theme"], config["theme"], len(merged.maps))
print({"extra": 1} | ChainMap({"a": 1}, {"b": 2}))
session |= {"autosave": False}
print(config["autosave"], session)
print(ChainMap.fromkeys(["debug", "trace"], False), ChainMap.fromkeys("xy"))
try:
    config | ["not", "a", "mapping"]
except TypeError as e:
    print("TypeError:", e)
print(sys.getsizeof(merged) == sys.getsizeof(config), type(merged).__name__)
