import gc
gc.disable()
gc.collect()
a = []
a.append(a)
print(gc.get_count())
print(gc.collect(0))
print(gc.get_count())
del a
print(gc.collect(0))
print(gc.collect(1))
print(gc.get_count())
b = []
b.append(b)
gc.collect(0)
gc.collect(1)
del b
print(gc.collect(0), gc.collect(1), gc.collect(2))
