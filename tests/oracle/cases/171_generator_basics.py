import gc
import sys


def countdown(n):
    """Count down from n, one value per next()."""
    print("starting countdown from", n)
    while n > 0:
        yield n
        n -= 1
    print("liftoff")


gen = countdown(3)
print(type(gen).__name__, gen.__name__, gen.__qualname__)
print(gc.is_tracked(gen), sys.getsizeof(gen))
print(next(gen))
print(next(gen), next(gen))
try:
    next(gen)
except StopIteration as stop:
    print("StopIteration", stop.value, stop.args)
print(next(gen, "exhausted"))
print(gen.gi_frame, gen.gi_running)


def fibonacci():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b


fib = fibonacci()
print([next(fib) for _ in range(10)])
print(sys.getsizeof(fib), sys.getsizeof(fibonacci()))


# A suspended generator keeps its arguments and locals alive.
payload = [1, 2, 3]
print(sys.getrefcount(payload))


def walk(items):
    for item in items:
        yield item


w = walk(payload)
print(sys.getrefcount(payload))
print(next(w))
print(sys.getrefcount(payload))
w2 = walk(payload)
print(sys.getrefcount(payload))
del w, w2
print(sys.getrefcount(payload))


# A generator that returns a value: the value rides on StopIteration.
def summing(values):
    total = 0
    for v in values:
        total += v
        yield total
    return total


s = summing([5, 10, 20])
print(list(s))
s = summing([1, 2])
next(s)
next(s)
try:
    next(s)
except StopIteration as e:
    print("returned", e.value)


# send() delivers a value to the paused yield.
def accumulator():
    total = 0
    while True:
        value = yield total
        if value is None:
            return total
        total += value


acc = accumulator()
print(next(acc))
print(acc.send(10), acc.send(5), acc.send(-3))
try:
    acc.send(None)
except StopIteration as e:
    print("final", e.value)
try:
    accumulator().send(1)
except TypeError as e:
    print("TypeError:", e)

# Objects made inside the generator live in its frame until it moves on.
class Token:
    pass

def tokens():
    t = Token()
    print("made", sys.getrefcount(t))
    yield t
    print("still", sys.getrefcount(t))
    yield 1

tk = tokens()
first = next(tk)
print(sys.getrefcount(first))
next(tk)
print(sys.getrefcount(first))
tk = None
print(sys.getrefcount(first))
print(gc.collect())
