# Deleting from a ChainMap only touches the first mapping; a key that lives
# deeper raises a KeyError of ChainMap's own, raised while handling the
# dict's, so the original is kept as __context__ (what a traceback prints
# under "During handling of the above exception").
from collections import ChainMap
import sys

local = {"x": 1}
outer = {"y": 2, "z": 3}
scope = ChainMap(local, outer)

for key in ["x", "y", "nope"]:
    try:
        del scope[key]
        print("deleted", key)
    except KeyError as err:
        print("KeyError:", err)
        ctx = err.__context__
        print("  context:", type(ctx).__name__, repr(ctx), ctx.args)
        print("  cause:", err.__cause__, "suppressed:", err.__suppress_context__)

try:
    scope.pop("z")
except KeyError as err:
    print(repr(err), "<-", repr(err.__context__))
print(scope.pop("z", "default"), scope.pop("missing", None))
scope["w"] = 4
print(scope.pop("w"), scope)

empty_first = ChainMap({}, {"a": 1})
try:
    empty_first.popitem()
except KeyError as err:
    print(repr(err))
    print(repr(err.__context__))
    print(err.__context__.__context__)

def remove(mapping, key):
    try:
        del mapping[key]
    except KeyError as e:
        original = e.__context__
        print("could not remove", key, "->", original.args[0])
        return original
    return None

kept = remove(scope, "z")
print(type(kept).__name__, kept.args)
del kept
print("done")
