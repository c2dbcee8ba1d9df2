import gc, functools
p = functools.partial(print, 1)
print(len(gc.get_referents([1])))
print(gc.get_referents(p))
