import gc
print(gc.isenabled())
gc.disable()
print(gc.isenabled())
gc.disable()
print(gc.isenabled())
gc.enable()
print(gc.isenabled())
gc.collect()
gc.set_threshold(5)
gc.disable()
keep = []
i = 0
while i < 30:
    keep.append([])
    i = i + 1
print(gc.get_count())
gc.enable()
keep.append([])
keep.append([])
keep.append([])
print(gc.get_count())
gc.set_threshold(700, 10, 10)
