import gc
import weakref
gc.disable()
gc.collect()
class K:
    pass
def cb(ref):
    print("callback")
a = K()
b = K()
a.o = b
b.o = a
a.r = weakref.ref(b, cb)
del a, b
print(gc.collect())
x = K()
y = K()
x.o = y
y.o = x
outside = weakref.ref(x, cb)
del x, y
print(gc.collect())
