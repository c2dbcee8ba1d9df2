import gc
import weakref
gc.disable()
gc.collect()
class K:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("__del__", self.name)
def cb(ref):
    print("callback")
a = K("a")
b = K("b")
a.o = b
b.o = a
r = weakref.ref(a, cb)
del a, b
print("collecting")
print(gc.collect())
print(r() is None)
