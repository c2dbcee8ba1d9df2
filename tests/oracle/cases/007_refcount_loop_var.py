import sys
items = [[], [], []]
for it in items:
    print(sys.getrefcount(it))
print(sys.getrefcount(it))
del it
print(sys.getrefcount(items[2]))
for i in range(3):
    for it in items:
        pass
print(sys.getrefcount(items[2]))
n = 0
while n < 2:
    cur = items[n]
    print(sys.getrefcount(cur))
    n = n + 1
def loop_in_func(seq):
    out = []
    for e in seq:
        out.append(sys.getrefcount(e))
    return out
print(loop_in_func(items))
