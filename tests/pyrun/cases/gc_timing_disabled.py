# With the collector off, no automatic collection can run, so when it would
# have run does not matter: every cycle waits for the explicit collect.
import gc

gc.disable()
garbage = 0
for i in range(500):
    a = []
    b = [a]
    a.append(b)
    garbage += 2
del a, b
print("cycles made:", garbage // 2)
print("collected:", gc.collect())
gc.enable()
