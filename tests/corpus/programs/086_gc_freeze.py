import gc

gc.collect()
base = gc.get_freeze_count()
cache = [list(range(10)) for _ in range(50)]
gc.freeze()
frozen = gc.get_freeze_count() - base
print("frozen at least 50:", frozen >= 50)
print("young after freeze:", gc.get_count())
cycle = []
cycle.append(cycle)
del cycle
print("collected:", gc.collect())
gc.unfreeze()
print("frozen after unfreeze:", gc.get_freeze_count())
print("collected:", gc.collect())
