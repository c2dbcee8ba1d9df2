# Temporary files cleaned up by weakref.finalize rather than __del__.
import gc
import weakref


def remove(name):
    print("removing", name)
    return name + " removed"


class TempFile:
    def __init__(self, name):
        self.name = name
        self._finalizer = weakref.finalize(self, remove, name)

    def close(self):
        return self._finalizer()

    @property
    def closed(self):
        return not self._finalizer.alive


t1 = TempFile("a.tmp")
t2 = TempFile("b.tmp")
print(t1.closed, t2.closed)
print(t1.close())
print(t1.closed, t1.close())
del t1
print("t1 gone")
del t2
print("t2 gone")

t3 = TempFile("c.tmp")
t3.self = t3
del t3
print("before collect")
print(gc.collect())
print("after collect")

class Box:
    pass

box = Box()
f = weakref.finalize(box, remove, "box")
print(f.alive, f.atexit)
obj, func, args, kwargs = f.peek()
print(obj is box, func is remove, args, kwargs)
print(f.detach()[2], f.alive, f.detach(), f.peek())
del box
print("box gone quietly")
