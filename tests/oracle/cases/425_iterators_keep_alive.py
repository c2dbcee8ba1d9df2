# An iterator holds a reference to what it walks: the list outlives its
# name while an iterator over it lives, and is let go when it is exhausted.
import sys
import weakref

class Node:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("freed", self.name)

nodes = [Node("a"), Node("b")]
probe = weakref.ref(nodes[0])
walker = iter(nodes)
del nodes
print("after del:", probe() is not None)
print(next(walker).name)
print(next(walker).name)
print(next(walker, "end"))
print("after exhausting:", probe() is not None)
del walker

items = [Node("x"), Node("y")]
e = enumerate(items)
z = zip(items, items)
del items
print("enumerate and zip hold it")
del e
print("enumerate gone")
del z
print("zip gone")

seq = [1, 2, 3]
rev = reversed(seq)
print(sys.getrefcount(seq))
for x in rev:
    pass
print(sys.getrefcount(seq))
