import gc
gc.disable()
gc.collect()
a = {}
a["a"] = a
gc.collect()
del a
print(gc.collect(0))
print(gc.collect(1))
print(gc.collect(2))
b = [[], []]
b[0].append(b[1])
b[1].append(b[0])
gc.collect(1)
b.clear()
print(gc.collect(0))
print(gc.collect(1))
