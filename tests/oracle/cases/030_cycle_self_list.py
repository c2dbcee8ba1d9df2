import gc
gc.disable()
gc.collect()
a = []
a.append(a)
b = []
b.append(b)
b.append(b)
del a
print(gc.collect())
del b
print(gc.collect())
print(gc.collect())
