from functools import lru_cache, cache


@lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print(fib(100))
print(fib.cache_info())
fib.cache_clear()
print(fib.cache_info())


@lru_cache(maxsize=3)
def square(n):
    print("  computing", n)
    return n * n


for n in [1, 2, 1, 3, 4, 1, 2]:
    print(n, square(n))
print(square.cache_info())


@cache
def ways(n):
    return 1 if n <= 1 else ways(n - 1) + ways(n - 2)

print(ways(50), ways.cache_info().currsize)
