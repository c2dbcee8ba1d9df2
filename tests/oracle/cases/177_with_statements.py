import gc
import sys


class Timer:
    """A context manager the way tutorials write one."""

    def __init__(self, label):
        self.label = label
        self.entered = 0

    def __enter__(self):
        self.entered += 1
        print("enter", self.label)
        return self

    def __exit__(self, exc_type, exc_value, traceback):
        print("exit", self.label, exc_type.__name__ if exc_type else None)
        return False


t = Timer("plain")
print(sys.getrefcount(t))
with t as same:
    print(same is t, sys.getrefcount(t))
print(sys.getrefcount(t))
del same

with Timer("outer") as a, Timer("inner") as b:
    print("both", a.label, b.label)

try:
    with Timer("failing"):
        raise ValueError("bad")
except ValueError as e:
    print("caught", e)


class Suppress:
    def __init__(self, *kinds):
        self.kinds = kinds

    def __enter__(self):
        return None

    def __exit__(self, kind, value, tb):
        if kind is not None and issubclass(kind, self.kinds):
            print("suppressed", kind.__name__, value)
            return True
        return False


with Suppress(KeyError, IndexError):
    [][3]
print("after IndexError")
with Suppress(KeyError):
    {}["missing"]
print("after KeyError")
try:
    with Suppress(KeyError):
        1 / 0
except ZeroDivisionError:
    print("ZeroDivisionError was not suppressed")


def first_even(numbers):
    with Timer("search"):
        for n in numbers:
            if n % 2 == 0:
                return n
    return None


print(first_even([3, 5, 8, 9]))

for i in range(3):
    with Timer("loop %d" % i):
        if i == 1:
            continue
        if i == 2:
            break
        print("body", i)


# What the manager holds while the body runs, and after.
class Tracker:
    def __enter__(self):
        self.items = []
        return self.items

    def __exit__(self, kind, value, tb):
        print("tracked", len(self.items), gc.is_tracked(self))
        self.items = None


tr = Tracker()
with tr as items:
    items.append(object())
    print(sys.getrefcount(items), sys.getrefcount(tr))
print(sys.getrefcount(items), tr.items)


# A generator closed inside a with block exits the manager.
def lines():
    with Timer("generator"):
        yield "one"
        yield "two"


g = lines()
print(next(g))
g.close()
print("closed")

try:
    with 42:
        pass
except TypeError as e:
    print("TypeError:", e)
print(gc.collect())


class OnlyEnter:
    def __enter__(self):
        return self


try:
    with OnlyEnter():
        print("never")
except TypeError as e:
    print("TypeError:", e)
