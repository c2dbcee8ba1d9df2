import gc
gc.disable()
gc.freeze()
first = gc.get_freeze_count()
gc.unfreeze()
r = []
gc.collect(0)
gc.collect(1)
gc.freeze()
r.append(gc.get_freeze_count() - first)
gc.unfreeze()
k = 0
while k < 3:
    gc.collect()
    gc.freeze()
    r.append(gc.get_freeze_count() - first)
    gc.unfreeze()
    k = k + 1
print(r)
a = 1
t = ((a, 2), (3, (a, 5)))
u = [t]
gc.collect()
gc.freeze()
print(gc.get_freeze_count() - first)
gc.unfreeze()
print(gc.is_tracked(t))
gc.collect()
print(gc.is_tracked(t))
