import gc
gc.disable()
gc.collect()
saved = []
class R:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)
        saved.append(self)
a = R("a")
b = R("b")
a.o = b
b.o = a
del a, b
print(gc.collect())
print(len(saved))
saved.clear()
print(gc.collect())
print("end")
