import functools
@functools.lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print([fib(i) for i in range(15)])
print(fib.cache_info())
fib.cache_clear()
print(fib.cache_info())
def power(base, exp):
    return base ** exp
square = functools.partial(power, exp=2)
cube = functools.partial(power, exp=3)
print(square(5), cube(2), square.func.__name__, square.keywords)
print(functools.reduce(lambda a, b: a * b, range(1, 8)))
print(functools.reduce(lambda a, b: a + b, [], 100))
def trace(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        print(f"calling {func.__name__}{args}")
        return func(*args, **kwargs)
    return wrapper
@trace
def add(a, b):
    "Add two numbers."
    return a + b
print(add(2, 3), add.__name__, add.__doc__)
@functools.total_ordering
class Version:
    def __init__(self, major, minor):
        self.major, self.minor = major, minor
    def __eq__(self, other):
        return (self.major, self.minor) == (other.major, other.minor)
    def __lt__(self, other):
        return (self.major, self.minor) < (other.major, other.minor)
    def __repr__(self):
        return f"Version({self.major}, {self.minor})"
vs = [Version(1, 2), Version(0, 9), Version(1, 0)]
print(sorted(vs), Version(1, 2) >= Version(1, 0), max(vs))
