import gc
gc.disable()
gc.collect()
class Box:
    pass
b = Box()
l = [b]
d = {"l": l}
t = (d,)
b.t = t
del b, l, d, t
print(gc.collect())
x = []
y = (x,)
x.append(y)
del x, y
print(gc.collect())
s = Box()
s.items = [s, s, s]
s.map = {1: s}
del s
print(gc.collect())
