import gc
a = [1, 2, 3]
print(len(gc.get_referents(a)))
print(len(gc.get_referents([])))
d = {1: "x", 2: "y"}
print(len(gc.get_referents(d)))
t = (a, d, None)
print(len(gc.get_referents(t)))
print(len(gc.get_referents(a, d, t)))
print(len(gc.get_referents(5)), len(gc.get_referents("abc")))
r = gc.get_referents([a, a])
print(len(r), r[0] is a, r[1] is a)
