import gc

print(gc.isenabled())
print(len(gc.get_threshold()))
gc.collect()
gc.disable()
before = gc.get_count()[0]
junk = [[] for _ in range(100)]
print("containers allocated:", gc.get_count()[0] - before)
more = [(i,) for i in range(50)]
print("after tuples:", gc.get_count()[0] - before)
del junk
print("after freeing lists:", gc.get_count()[0] - before)
gc.collect()
print("after collect:", gc.get_count())
old = gc.get_threshold()
gc.set_threshold(100, 5, 5)
print(gc.get_threshold())
gc.set_threshold(*old)
gc.enable()
print(gc.isenabled())
