import gc
t = gc.get_threshold()
gc.collect()
keep = []
i = 0
while i < t[0] + 5:
    keep.append([])
    i = i + 1
c = gc.get_count()
print(c[1], c[2], c[0] < 10)
