import gc
def fill(keep):
    c = gc.get_count()
    while c[0] < 10:
        keep.append([])
        c = gc.get_count()
    return c
def trial(k):
    gc.collect()
    keep = []
    print("warm", gc.get_count())
    gc.set_threshold(10, 3, 2)
    c = fill(keep)
    if k == 0:
        print("p")
    if k == 1:
        print()
    if k == 2:
        print("p", "q", "r")
    if k == 3:
        print([1], end="")
        print()
    if k == 4:
        len(keep)
    d = gc.get_count()
    gc.set_threshold(700, 10, 10)
    return str(k) + " " + str(c) + " " + str(d)
out = []
k = 0
while k < 5:
    out.append(trial(k))
    k = k + 1
for r in out:
    print(r)
