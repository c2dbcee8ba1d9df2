# How often does Python call __hash__?  Once per lookup or insertion of the
# key you give it; never when it copies keys that a dict or set already
# stored (it keeps their hashes).
class Key:
    calls = 0

    def __init__(self, n):
        self.n = n

    def __hash__(self):
        Key.calls += 1
        return self.n

    def __eq__(self, other):
        return isinstance(other, Key) and self.n == other.n

    def __repr__(self):
        return f"Key({self.n})"


def count(label, make):
    Key.calls = 0
    result = make()
    print(f"{label:22} {Key.calls} calls  {result}")


table = {Key(i): i * i for i in range(4)}
keys = set(table)
count("build", lambda: {Key(i): i for i in range(3)})
count("lookup", lambda: table[Key(2)])
count("in", lambda: Key(3) in table)
count("in keys()", lambda: Key(3) in table.keys())
count("get missing", lambda: table.get(Key(7)))
count("dict(table)", lambda: dict(table))
count("table.copy()", lambda: table.copy())
count("set(table)", lambda: set(table))
count("frozenset(keys)", lambda: frozenset(keys))
count("dict.fromkeys(keys)", lambda: dict.fromkeys(keys, 0))
count("{**table}", lambda: {**table})
count("table | table", lambda: table | table)
count("list(table)", lambda: list(table))
count("set(list)", lambda: set([Key(1), Key(1), Key(2)]))
count("tuple key", lambda: {(Key(1), Key(2)): "pair"}[(Key(1), Key(2))])
count("pop", lambda: table.pop(Key(0)))
count("setdefault", lambda: table.setdefault(Key(0), -1))
count("popitem", lambda: table.popitem())
count("update", lambda: table.update({Key(5): 25}) or len(table))
