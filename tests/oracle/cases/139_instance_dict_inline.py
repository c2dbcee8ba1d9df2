import gc
gc.disable()
class P:
    def __init__(self):
        self.x = [1]
        self.y = "s"
p = P()
print(len(gc.get_referents(p)))
d = p.__dict__
print(len(gc.get_referents(p)), len(gc.get_referents(d)))
p.z = []
print(len(gc.get_referents(p)), len(gc.get_referents(d)))
print(gc.is_tracked(d))
gc.collect()
q = P()
q.me = q
dq = q.__dict__
del dq
del q
print(gc.collect())
r = P()
dr = r.__dict__
r.me = dr
del dr
del r
print(gc.collect())
s = P()
s.me = s
del s
print(gc.collect())
