# functools.partial objects support weak references in CPython; the model's
# partial does not, and says so instead of raising TypeError.
import functools
import weakref


def power(base, exp):
    return base ** exp


square = functools.partial(power, exp=2)
r = weakref.ref(square)
print(r() is square)
