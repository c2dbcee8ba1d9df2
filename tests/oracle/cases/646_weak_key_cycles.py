# Metadata keyed by objects that end up in reference cycles: the entries
# go at the collection that frees their keys.
import gc
import weakref


class Widget:
    def __init__(self, name):
        self.name = name
        self.parent = None
        self.children = []


meta = weakref.WeakKeyDictionary()
root = Widget("root")
for i in range(4):
    child = Widget("c" + str(i))
    child.parent = root
    root.children.append(child)
    meta[child] = {"index": i}
meta[root] = {"index": -1}
print(len(meta), sorted(w.name for w in meta))
del child
print(len(meta))
del root
print(len(meta))
print(gc.collect())
print(len(meta), list(meta.items()))
