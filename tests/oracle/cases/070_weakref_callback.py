import weakref
class K:
    pass
def cb(ref):
    print("callback, referent gone:", ref() is None)
k = K()
r = weakref.ref(k, cb)
print("dropping")
k = None
print("dropped")
