import gc
gc.disable()
d = {}
print(gc.is_tracked(d))
d[1] = 2
d["a"] = "b"
print(gc.is_tracked(d))
d[2] = [1]
print(gc.is_tracked(d))
del d[2]
print(gc.is_tracked(d))
gc.collect(0)
print(gc.is_tracked(d))
gc.collect()
print(gc.is_tracked(d))
d[3] = (1, 2)
print(gc.is_tracked(d))
n = 4
d[4] = (n, n)
print(gc.is_tracked(d))
e = {"k": {}}
print(gc.is_tracked(e))
f = dict()
f[1] = object()
print(gc.is_tracked(f))
