# weakref callbacks and __del__ at interpreter exit
import weakref


class Item:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


def gone(ref):
    print("callback: a referent went away")


x = Item("x")
x.peer = Item("x-peer")
watch = weakref.ref(x.peer, gone)
y = Item("y")
fin = weakref.finalize(y, print, "finalize y")
print("end")
