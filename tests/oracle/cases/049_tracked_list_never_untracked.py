import gc
gc.disable()
a = [1, 2, 3]
b = []
gc.collect()
gc.collect()
print(gc.is_tracked(a), gc.is_tracked(b))
c = [a]
print(gc.is_tracked(c))
k = 3
t = (k, (k, k), "s")
gc.collect()
print(gc.is_tracked(t), gc.is_tracked(t[1]))
