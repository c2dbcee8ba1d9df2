import gc
gc.disable()
gc.collect()
i = 0
while i < 100:
    a = []
    b = []
    a.append(b)
    b.append(a)
    i = i + 1
del a, b
print(gc.collect())
i = 0
while i < 50:
    d = {}
    d["self"] = d
    i = i + 1
del d
print(gc.collect())
print(gc.collect())
