# What a suspended coroutine keeps alive: its arguments and locals stay
# referenced by its frame until it finishes or is closed, like a
# generator's; a coroutine in a reference cycle is freed by the collector.
import gc
import sys
import weakref


class Resource:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("freed", self.name)


class Step:
    def __await__(self):
        yield "paused"


async def use(res, payload):
    big = list(payload)
    await Step()
    await Step()
    return len(big) + len(res.name)


payload = [1, 2, 3]
r = Resource("db")
print(sys.getrefcount(payload), sys.getrefcount(r))
c = use(r, payload)
print(sys.getrefcount(payload), sys.getrefcount(r))
print(c.send(None), sys.getrefcount(r), gc.is_tracked(c))
print(sys.getsizeof(c))
c.close()
print("closed", sys.getrefcount(r), c.cr_frame)

w = weakref.ref(r)
c2 = use(r, payload)
c2.send(None)
del r
print("alive while suspended:", w() is not None)
try:
    c2.send(None)
    c2.send(None)
except StopIteration as stop:
    print("returned", stop.value)
del c2
print("after the end:", w())


class Box:
    pass


box = Box()
box.coro = use(Resource("cycle"), [])
box.coro.send(None)
box.self_ref = box
del box
print("collected", gc.collect() > 0)
print("end")
