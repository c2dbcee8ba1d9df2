# Attributes on functions: counters, caches and registries kept on the function.
import gc
import sys


def counted(func):
    def wrapper(*args):
        wrapper.calls += 1
        return func(*args)
    wrapper.calls = 0
    return wrapper


@counted
def square(n):
    return n * n


print([square(i) for i in range(5)], square.calls)
print(sorted(square.__dict__), sys.getsizeof(square.__dict__), gc.is_tracked(square.__dict__))


def memo(n):
    if n in memo.cache:
        return memo.cache[n]
    result = n if n < 2 else memo(n - 1) + memo(n - 2)
    memo.cache[n] = result
    return result


memo.cache = {}
print(memo(20), len(memo.cache), sys.getsizeof(memo.cache))
value = [1, 2, 3]
memo.note = value
print(sys.getrefcount(value))
del memo.note
print(sys.getrefcount(value))
try:
    del memo.note
except AttributeError as err:
    print("AttributeError:", err)
try:
    print(memo.missing)
except AttributeError as err:
    print("AttributeError:", err)


def plain():
    pass


print(plain.__dict__, sys.getsizeof(plain.__dict__), plain.__module__)
plain.tag = "x"
print(plain.__dict__, plain.tag)
d = plain.__dict__
print(sys.getrefcount(d))
del plain
print(sys.getrefcount(d), d)


def make_cycle():
    def inner():
        return inner.me
    inner.me = inner
    return None


gc.collect()
for i in range(3):
    make_cycle()
print("collected:", gc.collect())
