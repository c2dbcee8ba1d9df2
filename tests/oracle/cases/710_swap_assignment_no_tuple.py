# `a, b = b, a` builds no tuple: the compiler turns a tuple of up to three
# values unpacked into as many targets into a swap on the stack.
import gc
gc.collect()
s = gc.get_count()[0]
a, b = [], 0
print(gc.get_count()[0] - s)
x, y, z = [1], [2], [3]
print(x, y, z, gc.get_count()[0] - s)
x, y = y, x
print(x, y)
p, q, r, t = [], [], [], []
print(gc.get_count()[0] - s)
[m, n] = 5, 6
(o,) = 7,
print(m, n, o, gc.get_count()[0] - s)
def f():
    i, j = 1, [2]
    i, j = j, i
    return i, j
print(f(), gc.get_count()[0] - s)
class C: pass
c = C()
c.u, c.v = 1, 2
d = {}
d["k"], d["l"] = c, c
print(c.u, c.v, len(d))
