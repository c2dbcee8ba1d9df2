import gc
gc.disable()
gc.collect()
head = [0]
cur = head
i = 1
while i < 1000:
    nxt = [i]
    cur.append(nxt)
    cur = nxt
    i = i + 1
cur.append(head)
del cur, nxt
print(gc.collect())
del head
print(gc.collect())
tail = []
node = tail
i = 0
while i < 500:
    node = [node]
    i = i + 1
tail.append(node)
del node
print(gc.collect())
del tail
print(gc.collect())
