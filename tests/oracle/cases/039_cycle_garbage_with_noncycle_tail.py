import gc
gc.disable()
gc.collect()
a = []
a.append(a)
a.append([1, 2])
a.append({"x": [3]})
a.append((4, [5]))
del a
print(gc.collect())
