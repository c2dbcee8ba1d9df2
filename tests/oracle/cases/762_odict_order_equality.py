# Order matters between two OrderedDicts, not between an OrderedDict and
# a dict.  move_to_end, popitem(last=...), reversed, the views, | and |=,
# copy(), and the errors a program meets.
from collections import OrderedDict

a = OrderedDict([("x", 1), ("y", 2), ("z", 3)])
b = OrderedDict([("z", 3), ("y", 2), ("x", 1)])
d = {"y": 2, "x": 1, "z": 3}
print(a == b, a != b, a == d, d == a, dict(a) == dict(b))
b.move_to_end("z")
b.move_to_end("x", last=False)
print(b, a == b)
print(list(reversed(a)), list(reversed(a.items())), list(a.values()))
print(a.keys(), a.values(), a.items())
print("y" in a, "y" in a.keys(), ("y", 2) in a.items(), len(a.keys()))
print(a | {"w": 0}, {"w": 0} | a, type(d | a).__name__)
a |= {"x": 10, "q": 7}
print(a)
c = a.copy()
c.move_to_end("x")
print(c, c == a, c is a, type(c).__name__)
print(c.popitem(), c.popitem(last=False), c)
print(dict(c), list(c))
settings = OrderedDict()
settings["debug"] = True
settings["level"] = 3
settings.update([("level", 4), ("name", "app")], colour="red")
print(settings)
settings.update(OrderedDict(z=0))
print(list(settings))
nested = OrderedDict(inner=OrderedDict(v=[1, 2]), empty=OrderedDict())
print(nested)
loop = OrderedDict()
loop["me"] = loop
print(loop)
for attempt in ["popitem", "move_to_end", "iterate", "getitem", "unhashable"]:
    try:
        if attempt == "popitem":
            OrderedDict().popitem()
        elif attempt == "move_to_end":
            a.move_to_end("nope")
        elif attempt == "iterate":
            for k in a:
                a["new"] = 1
        elif attempt == "getitem":
            a["nope"]
        else:
            hash(a)
    except (KeyError, RuntimeError, TypeError) as e:
        print(attempt, type(e).__name__, e)
