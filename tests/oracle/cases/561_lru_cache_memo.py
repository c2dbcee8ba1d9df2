# Memoising with functools.lru_cache and functools.cache.
from functools import lru_cache, cache


@lru_cache(maxsize=None)
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


print([fib(n) for n in range(15)])
print(fib(90))
print(fib.cache_info())
fib.cache_clear()
print(fib.cache_info(), fib(10), fib.cache_info())

calls = []


@lru_cache(maxsize=3)
def slow_square(n):
    calls.append(n)
    return n * n


for n in [2, 3, 2, 4, 5, 2, 3, 3]:
    print(n, slow_square(n), end="; ")
print()
print("computed:", calls)
info = slow_square.cache_info()
print(info, info.hits, info.misses, info.maxsize, info.currsize)
print(slow_square.cache_parameters(), fib.cache_parameters())


@cache
def paths(rows, cols):
    if rows == 1 or cols == 1:
        return 1
    return paths(rows - 1, cols) + paths(rows, cols - 1)


print(paths(10, 10), paths.cache_info().currsize, paths.cache_info().hits)


@lru_cache
def label(word):
    "Upper-case a word, once."
    return word.upper()


print(label("x"), label("x"), label.cache_info(), label.__name__, label.__doc__)
print(label.__wrapped__("y"), label.cache_info().misses)


@lru_cache(maxsize=0)
def never(x):
    return x + 1


print(never(1), never(1), never.cache_info())
try:
    slow_square([1])
except TypeError as e:
    print("TypeError:", e)
try:
    lru_cache("big")
except TypeError as e:
    print("TypeError:", e)
print(type(fib).__name__, callable(fib), repr(fib).startswith("<functools._lru_cache_wrapper object at"))
