# Keys that all collide: which __eq__ calls dicts, sets and their operators make.
import sys, gc

class Key:
    calls = 0
    def __init__(self, name):
        self.name = name
    def __hash__(self):
        Key.calls += 1
        return 42
    def __eq__(self, other):
        print("  compare", self.name, "with", getattr(other, "name", other))
        return isinstance(other, Key) and self.name == other.name
    def __repr__(self):
        return "Key(%r)" % self.name

d = {}
for n in "abcdef":
    d[Key(n)] = n
print(len(d), Key.calls)
print(d[Key("d")])
print(Key("z") in d)
print(sys.getsizeof(d))
s = set(d)
print(s, sys.getsizeof(s))
t = {Key("a"), Key("q")}
print("union")
u = s | t
print(len(u))
print("inter")
print(s & t)
print("diff")
print(len(s - t))
print("eq")
print(s == set(d), t == {Key("a"), Key("q")})
print(d.get(Key("b")), d.pop(Key("c")), len(d))
print(d.setdefault(Key("x"), 5), len(d))
print(gc.is_tracked(d), gc.is_tracked(s))
fs = frozenset([Key("a")])
print(Key("a") in fs)
print(Key.calls)
