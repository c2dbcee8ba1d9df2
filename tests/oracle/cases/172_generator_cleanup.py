import gc
import sys


def reader(name, lines):
    print("open", name)
    try:
        for number, line in enumerate(lines, 1):
            yield number, line
    finally:
        print("close", name)


# Stop early: close() runs the finally block.
r = reader("a.txt", ["alpha", "beta", "gamma"])
for number, line in r:
    print(number, line)
    if line == "beta":
        break
r.close()
print("closed:", r.gi_frame)
r.close()

# Dropping an unfinished generator closes it too.
r = reader("b.txt", ["one", "two"])
print(next(r))
del r
print("after del")

# A generator never started has nothing to clean up.
r = reader("c.txt", ["x"])
del r
print("never started")


# GeneratorExit can be caught, but the generator must stop.
def stubborn():
    try:
        yield 1
    except GeneratorExit:
        print("GeneratorExit seen")
        raise


s = stubborn()
next(s)
s.close()


def very_stubborn():
    while True:
        try:
            yield "still here"
        except GeneratorExit:
            print("ignoring close")


v = very_stubborn()
next(v)
try:
    v.close()
except RuntimeError as e:
    print("RuntimeError:", e)


# throw() raises inside the generator at the paused yield.
def careful():
    while True:
        try:
            value = yield
            print("got", value)
        except ValueError as e:
            print("handled", e)


c = careful()
next(c)
c.send(1)
c.throw(ValueError("bad input"))
c.send(2)
c.throw(ValueError)
try:
    c.throw(KeyError("missing"))
except KeyError as e:
    print("escaped", e)
print(c.gi_frame)

# Generators in a reference cycle: the collector closes them.
class Holder:
    pass


def watcher(holder):
    try:
        yield holder
    finally:
        print("watcher finalized")


gc.collect()
h = Holder()
h.gen = watcher(h)
next(h.gen)
print(gc.is_tracked(h.gen), sys.getrefcount(h))
del h
print("collected", gc.collect())

h = Holder()
h.gen = watcher(h)
del h
print("collected unstarted", gc.collect())

# StopIteration inside a generator becomes RuntimeError (PEP 479).
def leaky(it):
    while True:
        yield next(it)


try:
    print(list(leaky(iter([1, 2]))))
except RuntimeError as e:
    print("RuntimeError:", e)
