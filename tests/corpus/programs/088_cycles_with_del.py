import gc


class Resource:
    def __init__(self, name):
        self.name = name
        self.partner = None
        print("create", name)

    def __del__(self):
        print("finalize", self.name)


gc.collect()
a = Resource("a")
b = Resource("b")
a.partner = b
b.partner = a
del a
print("deleted a")
del b
print("deleted b (cycle still alive)")
n = gc.collect()
print("collected", n)
print("garbage:", gc.garbage)

solo = Resource("solo")
solo = None
print("end")
