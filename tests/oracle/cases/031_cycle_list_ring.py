import gc
gc.disable()
gc.collect()
first = []
cur = first
i = 0
while i < 9:
    nxt = []
    cur.append(nxt)
    cur = nxt
    i = i + 1
cur.append(first)
del cur
del nxt
print(gc.collect())
del first
print(gc.collect())
