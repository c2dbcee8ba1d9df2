import sys

samples = [
    ("int 0", 0), ("int 1", 1), ("int 2**30", 2 ** 30), ("int 2**100", 2 ** 100),
    ("float", 3.14), ("True", True), ("None", None),
    ("empty str", ""), ("str 'a'", "a"), ("str 'hello'", "hello"), ("str 'é'", "é"),
    ("empty bytes", b""), ("bytes 10", b"0123456789"),
    ("empty list", []), ("list of 3", [1, 2, 3]),
    ("empty tuple", ()), ("tuple of 3", (1, 2, 3)),
    ("empty dict", {}), ("dict of 3", {1: 1, 2: 2, 3: 3}),
    ("empty set", set()), ("set of 3", {1, 2, 3}),
    ("range", range(100)), ("complex", 1j),
]
for label, obj in samples:
    print(f"{label:<12} {sys.getsizeof(obj)}")

nested = [[1] * 100]
print("shallow:", sys.getsizeof(nested), "inner:", sys.getsizeof(nested[0]))


def deep_size(obj):
    size = sys.getsizeof(obj)
    if isinstance(obj, (list, tuple)):
        size += sum(deep_size(x) for x in obj)
    return size

print("deep:", deep_size([[1, 2], [3, 4, [5]]]))
