import gc
gc.disable()
gc.collect()
i = 0
while i < 3000:
    a = []
    a.append(a)
    i = i + 1
del a
print(gc.get_count()[0] > 2000)
print(gc.collect())
print(gc.isenabled())
