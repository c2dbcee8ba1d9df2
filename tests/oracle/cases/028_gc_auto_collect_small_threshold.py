import gc
gc.collect()
gc.set_threshold(10, 3, 2)
keep = []
i = 0
while i < 60:
    keep.append([])
    if i % 5 == 4:
        print(i, gc.get_count())
    i = i + 1
gc.set_threshold(700, 10, 10)
