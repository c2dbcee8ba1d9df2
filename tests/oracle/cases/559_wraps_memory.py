# What functools.wraps costs: the objects a decorated function keeps alive.
import gc
import sys

gc.collect()
import functools

print("after import", gc.collect())


def traced(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        return func(*args, **kwargs)
    return wrapper


def double(x):
    "Twice x."
    return 2 * x


print("before", gc.get_count(), sys.getrefcount(double))
wrapped = traced(double)
print("after", gc.get_count(), sys.getrefcount(double))
print(wrapped(21), wrapped.__wrapped__ is double, gc.get_count())
print(sorted(wrapped.__dict__), sys.getsizeof(wrapped.__dict__), gc.is_tracked(wrapped.__dict__))
print(double.__dict__, double.__annotations__, wrapped.__annotations__ is double.__annotations__)
print(gc.is_tracked(double.__dict__), sys.getrefcount(double.__annotations__))
del wrapped
print("deleted", gc.get_count(), sys.getrefcount(double), gc.collect())
maker = functools.wraps(double)
print(type(maker).__name__, maker.args, sorted(maker.keywords), sys.getsizeof(maker), gc.get_count())


def other(y):
    return y


made = maker(other)
print(made is other, other.__name__, other.__doc__, other.__wrapped__ is double, gc.get_count())
del maker
print(gc.get_count(), gc.collect())
