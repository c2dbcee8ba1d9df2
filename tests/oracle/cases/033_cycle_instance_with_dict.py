import gc
gc.disable()
gc.collect()
class Node:
    pass
a = Node()
a.me = a
d = a.__dict__
print(len(d))
del d
del a
print(gc.collect())
b = Node()
b.me = b
del b
print(gc.collect())
