import gc
gc.disable()
c = (1, 2)
print(gc.is_tracked(c))
t = (((1,),),)
print(gc.is_tracked(t), gc.is_tracked(t[0]), gc.is_tracked(t[0][0]))
n = 1
r = (((n,),),)
print(gc.is_tracked(r), gc.is_tracked(r[0]), gc.is_tracked(r[0][0]))
gc.collect(0)
print(gc.is_tracked(c))
print(gc.is_tracked(t), gc.is_tracked(t[0]), gc.is_tracked(t[0][0]))
print(gc.is_tracked(r), gc.is_tracked(r[0]), gc.is_tracked(r[0][0]))
def f():
    return ((2, 3), (4, 5))
print(gc.is_tracked(f()), gc.is_tracked(f()[1]))
