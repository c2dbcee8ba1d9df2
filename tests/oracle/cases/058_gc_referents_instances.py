import gc
class K:
    def __init__(self):
        self.a = [1]
        self.b = 2
k = K()
r = gc.get_referents(k)
print(len(r))
d = k.__dict__
print(len(gc.get_referents(k)))
print(len(gc.get_referents(d)))
def f(x):
    def g():
        return x
    return g
print(len(gc.get_referents(f(1))) > 0)
