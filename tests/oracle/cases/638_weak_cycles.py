# Weak containers and the cycle collector: an entry whose object is in a
# reference cycle stays until a collection finds the cycle.
import gc
import weakref


class Node:
    def __init__(self, name):
        self.name = name
        self.peer = None


def on_death(ref):
    print("callback: a node died")


registry = weakref.WeakValueDictionary()
tags = weakref.WeakKeyDictionary()
a = Node("a")
b = Node("b")
a.peer = b
b.peer = a
registry["a"] = a
registry["b"] = b
tags[a] = "first"
watch = weakref.ref(a, on_death)
fin = weakref.finalize(b, print, "finalize: b")
del a, b
print(len(registry), len(tags), watch() is not None, fin.alive)
found = gc.collect()
print(found)
print(len(registry), len(tags), watch() is None, fin.alive)

solo = Node("solo")
registry["solo"] = solo
del solo
print(len(registry))
print(gc.collect())
