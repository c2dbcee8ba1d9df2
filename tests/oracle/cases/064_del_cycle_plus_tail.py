import gc
gc.disable()
gc.collect()
class T:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)
a = T("a")
b = T("b")
a.n = b
b.n = a
a.tail = T("tail")
del a, b
print(gc.collect())
print("end")
