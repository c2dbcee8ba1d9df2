import gc
gc.disable()
gc.collect()
print(gc.get_freeze_count() > 0)
a = []
a.append(a)
gc.freeze()
print(gc.get_count())
del a
print(gc.collect())
gc.unfreeze()
print(gc.get_freeze_count())
print(gc.collect())
