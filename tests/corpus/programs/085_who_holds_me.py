import gc
import sys


class Payload:
    pass


def holders(obj):
    return sorted(type(r).__name__ for r in gc.get_referrers(obj)
                  if r is not globals())


p = Payload()
box = [p]
registry = {"current": p}
pair = (p, None)
print(holders(p))
print(sys.getrefcount(p))
print(len(gc.get_referents(box)), len(gc.get_referents(registry)))
print([type(x).__name__ for x in gc.get_referents(pair)])
del box, registry
print(holders(p))
print(sys.getrefcount(p))
