import gc
gc.disable()
old = []
gc.collect()
x = []
y = [x]
x.append(y)
old.append(x)
del x, y
print(gc.collect(0))
old.clear()
print(gc.collect(0))
print(gc.collect(1))
print(gc.collect(2))
