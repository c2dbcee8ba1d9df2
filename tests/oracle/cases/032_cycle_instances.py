import gc
gc.disable()
gc.collect()
class Node:
    def __init__(self, name):
        self.name = name
        self.next = None
a = Node("a")
b = Node("b")
a.next = b
b.next = a
del a, b
print(gc.collect())
s = Node("s")
s.next = s
del s
print(gc.collect())
x = Node("x"); y = Node("y"); z = Node("z")
x.next = y; y.next = z; z.next = x
del x, y, z
print(gc.collect())
