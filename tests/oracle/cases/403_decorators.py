# Decorators: evaluated before the function exists, applied bottom-up.
import gc
import sys


def trace(label):
    print("making the decorator", label)

    def decorate(func):
        print("decorating", func.__name__, "with", label)
        return func
    return decorate


all_calls = {}


def count_calls(func):
    calls = []
    all_calls[func.__name__] = calls

    def wrapper(*args, **kwargs):
        calls.append(args)
        return func(*args, **kwargs)
    return wrapper


@trace("outer")
@count_calls
@trace("inner")
def add(a, b=0):
    return a + b


print(add(1, 2), add(3), add(a=4, b=5))
print(len(all_calls["add"]), all_calls["add"])
print(add.__name__, sys.getsizeof(add), gc.is_tracked(add))


def plain(x):
    return x * 2


before = sys.getrefcount(plain)
wrapped = count_calls(plain)
print("plain refcount +", sys.getrefcount(plain) - before)
del wrapped
print("after del wrapper +", sys.getrefcount(plain) - before)

registry = {}


def register(cls):
    registry[cls.__name__] = cls
    return cls


@register
class Circle:
    def __init__(self, r):
        self.r = r


@register
class Square:
    def __init__(self, side):
        self.side = side


print(sorted(registry))
print(registry["Circle"] is Circle, sys.getrefcount(Circle) - sys.getrefcount(Square))


def bold(fn):
    def wrapped(*args):
        return "<b>" + fn(*args) + "</b>"
    return wrapped


def italic(fn):
    def wrapped(*args):
        return "<i>" + fn(*args) + "</i>"
    return wrapped


@bold
@italic
def hello(name):
    return "hello " + name


print(hello("world"), hello.__name__)

gc.collect()
count0 = gc.get_count()[0]


@count_calls
def square(n):
    return n * n


print("objects made by decorating:", gc.get_count()[0] - count0)
print([square(i) for i in range(4)], len(all_calls["square"]))
del square
print("collected:", gc.collect())


def repeat(times):
    def decorate(func):
        def run(*args):
            return [func(*args) for _ in range(times)]
        return run
    return decorate


@repeat(3)
def shout(word):
    return word.upper()


print(shout("hey"))
