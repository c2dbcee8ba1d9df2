import gc
gc.disable()
gc.collect()
count = [0]
class C:
    def __del__(self):
        count[0] = count[0] + 1
i = 0
while i < 10:
    c = C()
    c.me = c
    i = i + 1
del c
print(gc.collect())
print(count[0])
print(gc.collect())
print(count[0])
