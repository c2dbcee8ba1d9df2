import gc
gc.disable()
gc.collect()
gc.freeze()
base = gc.get_freeze_count()
gc.unfreeze()
print(gc.get_freeze_count())
keep = []
i = 0
while i < 25:
    keep.append([])
    i = i + 1
gc.freeze()
print(gc.get_freeze_count() - base)
gc.unfreeze()
gc.collect()
gc.freeze()
print(gc.get_freeze_count() - base)
gc.unfreeze()
