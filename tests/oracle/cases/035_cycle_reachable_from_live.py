import gc
gc.disable()
gc.collect()
holder = []
a = []
b = [a]
a.append(b)
holder.append(a)
del a, b
print(gc.collect())
print(len(holder))
holder.clear()
print(gc.collect())
class K:
    pass
root = K()
k1 = K(); k2 = K()
k1.other = k2; k2.other = k1
root.child = k1
del k1, k2
print(gc.collect())
root = None
print(gc.collect())
