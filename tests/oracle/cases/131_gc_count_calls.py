import gc
gc.disable()
def add(a, b):
    return a + b
def make_pair(a):
    return [a, a]
gc.collect()
i = 0
while i < 100:
    add(i, 1)
    i = i + 1
print(gc.get_count())
gc.collect()
i = 0
while i < 100:
    make_pair(i)
    i = i + 1
print(gc.get_count())
gc.collect()
i = 0
t = None
while i < 100:
    t = (i, i)
    i = i + 1
print(gc.get_count())
