import weakref
class K:
    def __init__(self, n):
        self.n = n
def cb(ref):
    print("cb")
objs = [K(1), K(2), K(3)]
refs = [weakref.ref(objs[0], cb), weakref.ref(objs[1], cb), weakref.ref(objs[2])]
print(refs[1]().n)
objs.pop(0)
print(refs[0]() is None, refs[1]() is None)
objs = None
print(refs[2]() is None)
