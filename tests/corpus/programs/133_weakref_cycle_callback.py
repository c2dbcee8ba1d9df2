import gc
import weakref


class Node:
    def __init__(self, name):
        self.name = name
        self.other = None

    def __del__(self):
        print("__del__", self.name)


def report(ref):
    print("weakref callback fired")


gc.collect()
a = Node("a")
b = Node("b")
a.other = b
b.other = a
watch = weakref.ref(a, report)
del a, b
print("cycle unreachable, alive:", watch() is not None)
found = gc.collect()
print("collected:", found)
print("alive after collect:", watch() is not None)

c = Node("c")
watch_c = weakref.ref(c, report)
del c
print("refcount path done:", watch_c())
