import gc


class Obj:
    def __init__(self):
        self.ref = self


gc.collect()
gc.disable()
survivors = []
for i in range(5):
    survivors.append(Obj())
print("young count before:", gc.get_count()[0] >= 5)
gc.collect(0)
print("after collect(0):", gc.get_count())
junk = [Obj() for i in range(3)]
del junk
print("collect(1) found:", gc.collect(1))
for s in survivors:
    s.ref = None
survivors = None
print("full collection found:", gc.collect())
gc.enable()
print("stats entries:", len(gc.get_stats()), sorted(gc.get_stats()[0]))
