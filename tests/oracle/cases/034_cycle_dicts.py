import gc
gc.disable()
gc.collect()
d = {}
d[1] = d
del d
print(gc.collect())
p = {}
q = {"p": p}
p["q"] = q
del p, q
print(gc.collect())
r = {}
r[0] = [r]
del r
print(gc.collect())
