# An OrderedDict is a container the collector tracks: a registry that
# refers to itself through a value (or a key) survives `del` until
# gc.collect() finds the cycle.  Weak references to it work, as to any
# dict subclass instance, and its attributes live in its own __dict__.
import gc
import sys
import weakref
from collections import OrderedDict


class Node:
    def __init__(self, name):
        self.name = name
        self.children = OrderedDict()

    def add(self, child):
        self.children[child.name] = child
        child.parent = self


gc.collect()
root = Node("root")
for name in ["a", "b", "c"]:
    root.add(Node(name))
print(list(root.children), sys.getrefcount(root), sys.getsizeof(root.children))
probe = weakref.ref(root.children)
print(probe() is root.children, weakref.getweakrefcount(root.children))
del root
print(gc.collect(), probe())

registry = OrderedDict()
registry["self"] = registry
registry.note = "kept in the instance dict"
print(registry.note, list(registry.__dict__), gc.is_tracked(registry))
gone = weakref.ref(registry)
del registry
print(gone() is None)
print(gc.collect(), gone())

key_cycle = OrderedDict()
holder = Node("holder")
holder.owner = key_cycle
key_cycle[holder] = "value"
print(sys.getrefcount(holder), len(gc.get_referents(key_cycle)))
del key_cycle, holder
print(gc.collect())
