import gc
gc.disable()
n = 1
t = (((n,),),)
print(gc.is_tracked(t), gc.is_tracked(t[0]), gc.is_tracked(t[0][0]))
gc.collect()
print(gc.is_tracked(t), gc.is_tracked(t[0]), gc.is_tracked(t[0][0]))
gc.collect()
print(gc.is_tracked(t), gc.is_tracked(t[0]), gc.is_tracked(t[0][0]))
gc.collect()
print(gc.is_tracked(t), gc.is_tracked(t[0]), gc.is_tracked(t[0][0]))
