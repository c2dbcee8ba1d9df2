import weakref
class K:
    def __del__(self):
        print("__del__")
def cb(ref):
    print("callback")
k = K()
r = weakref.ref(k, cb)
del k
print("end")
