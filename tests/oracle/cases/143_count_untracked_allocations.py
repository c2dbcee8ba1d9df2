import gc
gc.disable()
keep = [None] * 300
gc.collect()
a = gc.get_count()[0]
for i in range(300):
    keep[i] = {}
b = gc.get_count()[0]
tracked = 0
for d in keep:
    if gc.is_tracked(d):
        tracked += 1
print(b - a, tracked)
for i in range(300):
    keep[i] = (i, i)
c = gc.get_count()[0]
print(c - b)
