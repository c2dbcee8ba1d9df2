def memoize(f):
    cache = {}
    def helper(n):
        if n not in cache:
            cache[n] = f(n)
        return cache[n]
    helper.cache = cache
    return helper


@memoize
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


print(fib(30))
print(len(fib.cache))
print(fib(80))
print(fib.__closure__[0].cell_contents is fib.cache)
print([fib(i) for i in range(10)])
print(fib.__code__.co_freevars)
