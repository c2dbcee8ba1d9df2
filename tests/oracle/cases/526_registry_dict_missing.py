# A dict that fills in what it is asked for: __missing__, which
# dict.__getitem__ calls for a subclass when the key is absent.
import sys
import gc


class Registry(dict):
    def __missing__(self, key):
        number = len(self)
        self[key] = number
        return number


ids = Registry()
print(ids, sys.getsizeof(ids), sys.getsizeof({}), gc.is_tracked(ids), gc.is_tracked({}))
for name in "the quick brown fox jumps over the lazy dog the end".split():
    print(name, ids[name])
print(ids)
print(len(ids), sys.getsizeof(ids), sys.getsizeof(dict(ids)))
print("get does not call __missing__:", ids.get("cat"), "cat" in ids)
print(type(ids.copy()).__name__, ids == dict(ids))


class Memo(dict):
    """fib numbers, computed on first use"""

    def __missing__(self, n):
        value = n if n < 2 else self[n - 1] + self[n - 2]
        self[n] = value
        return value


fib = Memo()
print(fib[30], len(fib), sys.getsizeof(fib))
print(sorted(fib.items())[:8])
print(sys.getrefcount(Memo), sys.getrefcount(Registry))


class Strict(dict):
    pass


s = Strict(a=1, b=2)
print(s, type(s), sys.getsizeof(s))
try:
    s["c"]
except KeyError as e:
    print("KeyError:", e)
del ids, fib
print(gc.collect())
