import gc
gc.disable()
gc.collect()
keep = []
i = 0
while i < 200:
    keep.append([])
    i = i + 1
print(gc.get_count())
keep = None
print(gc.get_count())
gc.collect()
objs = []
i = 0
while i < 50:
    objs.append(object())
    i = i + 1
print(gc.get_count())
class C:
    pass
gc.collect()
cs = []
i = 0
while i < 30:
    cs.append(C())
    i = i + 1
print(gc.get_count())
cs = None
print(gc.get_count())
