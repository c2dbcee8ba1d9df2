import gc
gc.disable()
gc.collect()
keep = []
i = 0
while i < 20:
    keep.append([])
    i = i + 1
gc.collect(0)
print(gc.get_count())
gc.collect(0)
print(gc.get_count())
gc.collect(1)
print(gc.get_count())
gc.collect(0)
gc.collect(0)
gc.collect(0)
print(gc.get_count())
gc.collect(2)
print(gc.get_count())
