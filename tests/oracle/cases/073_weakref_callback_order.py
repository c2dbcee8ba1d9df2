import weakref
class K:
    pass
def cb1(ref):
    print("cb1")
def cb2(ref):
    print("cb2")
def cb3(ref):
    print("cb3")
k = K()
r1 = weakref.ref(k, cb1)
r2 = weakref.ref(k, cb2)
r3 = weakref.ref(k, cb3)
k = None
print("end")
