import gc
gc.disable()
gc.collect()
print(gc.get_count())
keep = []
i = 0
while i < 10:
    keep.append([])
    i = i + 1
print(gc.get_count())
keep.append({})
keep.append((1, 2))
keep.append(object())
print(gc.get_count())
keep.append(1.5)
keep.append("str")
keep.append(10 ** 20)
print(gc.get_count())
gc.collect()
print(gc.get_count())
