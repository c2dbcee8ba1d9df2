import gc
import sys


def countdown(n):
    while n > 0:
        yield n
        n -= 1
    return "liftoff"


def launch():
    yield "ready"
    result = yield from countdown(3)
    yield result


print(list(launch()))


def flatten(items):
    for item in items:
        if isinstance(item, list):
            yield from flatten(item)
        else:
            yield item


tree = [1, [2, [3, [4, [5]]]], 6]
print(list(flatten(tree)))
deep = flatten(tree)
print(next(deep), next(deep), next(deep))
print(type(deep.gi_yieldfrom).__name__, deep.gi_yieldfrom.gi_yieldfrom is not None)
print(sys.getsizeof(deep), sys.getsizeof(deep.gi_yieldfrom))
del deep


def chain(*iterables):
    for it in iterables:
        yield from it


print(list(chain("ab", [1, 2], range(3), (x * x for x in range(3)))))


# send() and throw() pass through yield from to the inner generator.
def echo():
    received = []
    try:
        while True:
            value = yield len(received)
            received.append(value)
    except GeneratorExit:
        print("echo closing with", received)
        raise
    finally:
        print("echo finally")


def relay():
    result = yield from echo()
    print("never reached", result)


r = relay()
print(next(r))
print(r.send("a"), r.send("b"))
print(type(r.gi_yieldfrom).__name__)
r.close()
print(r.gi_yieldfrom, r.gi_frame)


def inner():
    recovered = False
    try:
        yield 1
        yield 2
    except KeyError:
        print("inner caught KeyError")
        recovered = True
    if recovered:
        yield "recovered"
    return "inner done"


def outer():
    value = yield from inner()
    print("outer got", value)
    yield "outer done"


o = outer()
print(next(o))
print(o.throw(KeyError("k")))
print(next(o))
try:
    next(o)
except StopIteration:
    print("finished")

o = outer()
next(o)
try:
    o.throw(ValueError("boom"))
except ValueError as e:
    print("propagated", e)
print(o.gi_frame)

# The delegating generator keeps the inner one alive.
data = [10, 20, 30]
print(sys.getrefcount(data))
holder = outer()
g = chain(data)
next(g)
print(sys.getrefcount(data))
del g
print(sys.getrefcount(data))
print(gc.collect())
