import gc
gc.disable()
gc.collect()
x = []
x.append(x)
gc.freeze()
y = []
y.append(y)
del x, y
print(gc.collect())
print(gc.collect())
gc.unfreeze()
print(gc.collect())
