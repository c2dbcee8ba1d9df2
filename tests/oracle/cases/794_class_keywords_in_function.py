# A class made inside a factory function with keywords from its
# arguments: the list given as a keyword is kept by the class only, and
# goes when the class goes.
import sys, gc, weakref

class Tagged:
    def __init_subclass__(cls, tags=(), **kw):
        super().__init_subclass__(**kw)
        cls.tags = tags
        cls.inside = sys.getrefcount(tags)

def make(tags):
    class Made(Tagged, tags=tags):
        pass
    return Made

gc.collect()
items = ["a", "b"]
M = make(items)
print(M.tags is items, M.inside, sys.getrefcount(items))
r = weakref.ref(M)
del M
print(sys.getrefcount(items), r() is not None)
gc.collect()
print(sys.getrefcount(items), r())
N = make(tags=[1, 2, 3])
print(N.tags, gc.is_tracked(N.tags), len(gc.get_referrers(N.tags)))
