# Writing decorators properly with functools.wraps.
import functools


def logged(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        print("calling", func.__name__, args, kwargs)
        result = func(*args, **kwargs)
        print("  ->", result)
        return result
    return wrapper


def counted(func):
    @functools.wraps(func)
    def inner(*args, **kwargs):
        inner.calls += 1
        return func(*args, **kwargs)
    inner.calls = 0
    return inner


@logged
def area(width, height=1):
    """Area of a rectangle."""
    return width * height


@counted
def hello(name):
    "Say hello."
    return "hello " + name


area(3, height=4)
area(5)
print(area.__name__, area.__doc__, area.__qualname__, area.__module__)
print(area.__wrapped__(2, 3), area.__wrapped__.__name__)
print(hello("ann"), hello("bo"), hello.calls, hello.__name__, hello.__doc__)
print(sorted(hello.__dict__), hello.__wrapped__.__doc__)


def bare(func):
    def wrapper(*args):
        return func(*args)
    return wrapper


@bare
def plain():
    "Docs get lost."
    return 1


print(plain.__name__, plain.__doc__)


def repeat(times):
    def decorate(func):
        @functools.wraps(func)
        def many(*args):
            return [func(*args) for _ in range(times)]
        return many
    return decorate


@repeat(3)
def roll(n):
    return n * 2


print(roll(4), roll.__name__, roll.__wrapped__(5))


def tagged(func):
    func.tag = "blue"
    return func


@logged
@tagged
def mix(a):
    return a + 1


print(mix(1), mix.tag, mix.__dict__["tag"], "__wrapped__" in mix.__dict__)


def manual(func):
    def wrapper(x):
        return func(x) * 2
    return functools.update_wrapper(wrapper, func)


@manual
def half(x):
    "Half of x."
    return x / 2


print(half(10), half.__name__, half.__doc__, half.__wrapped__(10))
