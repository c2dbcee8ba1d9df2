def make_counter():
    count = 0
    def counter():
        nonlocal count
        count += 1
        return count
    return counter

c1 = make_counter()
c2 = make_counter()
print(c1(), c1(), c1(), c2())
print(c1.__closure__[0].cell_contents, c1.__code__.co_freevars)

def make_multipliers():
    return [lambda x, i=i: x * i for i in range(4)]
print([m(10) for m in make_multipliers()])
def make_multipliers_late():
    return [lambda x: x * i for i in range(4)]
print([m(10) for m in make_multipliers_late()])

def averager():
    series = []
    def avg(new):
        series.append(new)
        return sum(series) / len(series)
    return avg
avg = averager()
print(avg(10), avg(11), avg(12), avg.__code__.co_varnames, avg.__code__.co_freevars)

x = "global"
def outer():
    x = "enclosing"
    def inner():
        global x
        x = "changed global"
        return x
    inner()
    return x
print(outer(), x)

def memoize(f):
    cache = {}
    def g(n):
        if n not in cache:
            cache[n] = f(n)
        return cache[n]
    g.cache = cache
    return g
@memoize
def slow_square(n):
    return n * n
print(slow_square(4), slow_square(4), slow_square.cache)

adders = {}
for n in (1, 5, 10):
    def add(x, n=n):
        return x + n
    adders[n] = add
print({k: f(100) for k, f in adders.items()})
import sys
def make_big():
    data = list(range(1000))
    def size():
        return len(data)
    return size
s = make_big()
print(s(), sys.getrefcount(s.__closure__[0].cell_contents))
