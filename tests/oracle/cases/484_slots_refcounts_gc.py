# Slotted objects still take part in reference cycles; the collector finds them.
import gc
import sys


class Node:
    __slots__ = ("value", "next", "__weakref__")

    def __init__(self, value):
        self.value = value
        self.next = None


gc.collect()
print(sys.getrefcount(Node))
a = Node(1)
b = Node(2)
print(sys.getrefcount(Node), sys.getrefcount(a))
a.next = b
b.next = a
print(sys.getrefcount(a), sys.getrefcount(b), gc.is_tracked(a))
del a, b
print("collected:", gc.collect())
nodes = [Node(i) for i in range(100)]
for i in range(99):
    nodes[i].next = nodes[i + 1]
nodes[99].next = nodes[0]
print(sys.getrefcount(nodes[0]), sys.getrefcount(Node))
del nodes
print("ring collected:", gc.collect())
print(sys.getrefcount(Node))


class Leaf:
    __slots__ = ("data",)


x = Leaf()
x.data = x
print(sys.getrefcount(x), gc.is_tracked(x))
del x
print("self loop:", gc.collect())
