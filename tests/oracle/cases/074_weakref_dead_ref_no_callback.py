import weakref
class K:
    pass
def cb(ref):
    print("never")
k = K()
r = weakref.ref(k, cb)
r = None
k = None
print("no callback ran")
k2 = K()
r2 = weakref.ref(k2)
w = weakref.ref(k2)
print(w is r2)
