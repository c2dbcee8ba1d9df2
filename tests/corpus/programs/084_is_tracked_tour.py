import gc


class Plain:
    pass


samples = {
    "int": 42,
    "str": "text",
    "float": 1.5,
    "empty list": [],
    "list of ints": [1, 2],
    "tuple of ints": (1, 2),
    "tuple with list": ([],),
    "empty dict": {},
    "dict of ints": {1: 2},
    "dict with list": {"k": []},
    "instance": Plain(),
    "function": len,
    "lambda": lambda: None,
    "set": {1, 2},
    "frozenset": frozenset([1]),
    "bytes": b"xy",
    "None": None,
}
for label, obj in samples.items():
    print(f"{label:>16}: {gc.is_tracked(obj)}")

t = tuple([1, 2, 3])
print("fresh tuple:", gc.is_tracked(t))
gc.collect()
print("after collect:", gc.is_tracked(t))
