import gc
gc.disable()
gc.collect()
print(gc.garbage)
print(len(gc.garbage))
class F:
    def __del__(self):
        print("F.__del__")
a = F(); b = F()
a.b = b; b.a = a
del a, b
print(gc.collect())
print(len(gc.garbage))
print(type(gc.garbage))
