import gc
gc.disable()
gc.collect()
class T:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)
a = T("a"); b = T("b"); c = T("c"); d = T("d")
a.n = b; b.n = c; c.n = d; d.n = a
del a, b, c, d
print("collecting")
print(gc.collect())
x = T("x"); y = T("y")
y.n = x; x.n = y
del y, x
print(gc.collect())
