import gc
gc.disable()
gc.collect()
saved = []
class R:
    def __del__(self):
        saved.append(self)
a = R()
a.me = a
del a
print(gc.collect(), len(gc.garbage), len(saved))
class F:
    def __del__(self):
        print("F gone")
f = F(); g = F()
f.g = g; g.f = f
del f, g
print(gc.collect(), len(gc.garbage))
gc.garbage.append(1)
print(gc.garbage)
gc.garbage.clear()
print(gc.garbage, gc.collect())
