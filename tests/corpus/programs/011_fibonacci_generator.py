def fibonacci(limit):
    """Yield Fibonacci numbers below limit."""
    a, b = 0, 1
    while a < limit:
        yield a
        a, b = b, a + b


print(list(fibonacci(100)))
gen = fibonacci(10)
print(next(gen), next(gen), next(gen))
for value in gen:
    print("rest:", value)
try:
    next(gen)
except StopIteration:
    print("exhausted")
print(sum(fibonacci(4_000_000)))
print(type(gen).__name__, gen.__name__)
