# Building dicts every which way and watching their sizes.
import sys

fruits = ["apple", "pear", "fig", "plum", "kiwi", "lime"]
stock = dict.fromkeys(fruits, 0)
print(stock, sys.getsizeof(stock))
print(sys.getsizeof(dict.fromkeys(range(7))), sys.getsizeof(dict.fromkeys(set(range(7)))))
print(sys.getsizeof(dict.fromkeys("abcdefghij")), sys.getsizeof(dict.fromkeys(stock)))
shared = dict.fromkeys(["a", "b", "c"], [])
shared["a"].append("surprise")
print(shared, sys.getrefcount(shared["b"]))
print({}.fromkeys(("x", "y")), type(dict.fromkeys([])).__name__)

config = dict(host="localhost", port=8080, debug=True)
print(config, sys.getsizeof(config))
config.update(port=9090, user="admin")
config.update([("timeout", 30), ["retries", 3]])
config.update({"debug": False}, verbose=1)
print(config, sys.getsizeof(config))
print(dict([("one", 1), ("two", 2)], three=3), dict(config) == config, dict(config) is config)

defaults = {"color": "blue", "size": "M"}
chosen = {"size": "L", "qty": 2}
merged = defaults | chosen
print(merged, sys.getsizeof(merged), defaults)
defaults |= chosen
defaults |= [("gift", True)]
print(defaults, sys.getsizeof(defaults))

recent = {"mon": 1, "tue": 2, "wed": 3}
print(recent.popitem(), recent)
recent["thu"] = 4
print(recent.popitem(), recent.popitem(), recent, sys.getsizeof(recent))
try:
    {}.popitem()
except KeyError as e:
    print("KeyError:", e)
try:
    dict([("k", 1, 2)])
except ValueError as e:
    print("ValueError:", e)
try:
    merged | ["x"]
except TypeError as e:
    print("TypeError:", e)
dict.fromkeys([["unhashable"]])
