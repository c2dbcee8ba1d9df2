import functools
@functools.cache
def f(x):
    return x
f(1)
h, m, *rest = f.cache_info()
