import gc
x = object()
print(len(gc.get_referrers(x)))
a = [x]
b = [x, x]
print(len(gc.get_referrers(x)))
d = {"k": x}
print(len(gc.get_referrers(x)))
del a
print(len(gc.get_referrers(x)))
t = (x,)
print(len(gc.get_referrers(x)))
class K:
    pass
k = K()
k.x = x
print(len(gc.get_referrers(x)))
