import gc
def fill(keep):
    c = gc.get_count()
    while c[0] < 10:
        keep.append([])
        c = gc.get_count()
    return c
def noop():
    return 0
def trial(k):
    gc.collect()
    keep = []
    print("warm", gc.get_count())
    gc.set_threshold(10, 3, 2)
    c = fill(keep)
    if k == 0:
        m = keep.append
        len(keep)
    if k == 1:
        m = keep.append
        del m
        len(keep)
    if k == 2:
        m = keep.append
        del m
        noop()
    if k == 3:
        m = keep.append
        noop()
    if k == 4:
        x = [[]]
        x = None
        len(keep)
    if k == 5:
        j = 0
        while j < 1:
            m = keep.append
            j = j + 1
    d = gc.get_count()
    gc.set_threshold(700, 10, 10)
    return str(k) + " " + str(c) + " " + str(d)
out = []
k = 0
while k < 6:
    out.append(trial(k))
    k = k + 1
for r in out:
    print(r)
