# A weak reference to a bound method dies at once: the method object is a
# temporary.  Keeping the method in a name keeps the reference alive.
import weakref


class Handler:
    def __init__(self, name):
        self.name = name

    def handle(self, event):
        return f"{self.name} handled {event}"


h = Handler("h1")
r = weakref.ref(h.handle)
print("alive right away?", r() is not None, r())


def gone(ref):
    print("callback: method is gone")


r2 = weakref.ref(h.handle, gone)
print(r2() is None)
m = h.handle
r3 = weakref.ref(m)
print(r3() is m, r3()("click"))
print(weakref.getweakrefcount(m))
del m
print(r3())
box = []
r4 = weakref.ref(box.append) if False else None
print(r4)
