# What a coroutine object is: the generator machinery with its own type.
import gc
import sys


async def double(x):
    return x * 2


async def add_one(x):
    y = await double(x)
    return y + 1


def driven(coro):
    """Run a coroutine that never suspends by hand, as an event loop would."""
    try:
        coro.send(None)
    except StopIteration as stop:
        return stop.value
    raise RuntimeError("it suspended")


c = add_one(20)
print(type(c), type(c).__name__, c.__name__, c.__qualname__)
print(repr(c).startswith("<coroutine object add_one at 0x"))
print(sys.getsizeof(c), sys.getsizeof(double(1)))
print(sys.getrefcount(c), gc.is_tracked(c))
print(c.cr_running, c.cr_suspended, c.cr_await, c.cr_origin)
print(driven(c))
print(c.cr_frame, c.cr_await, c.cr_running, c.cr_suspended)

for bad in (lambda: c.send(None), lambda: c.throw(ValueError("x"))):
    try:
        bad()
    except RuntimeError as e:
        print("RuntimeError:", e)
print(c.close())

fresh = double(3)
try:
    fresh.send(5)
except TypeError as e:
    print("TypeError:", e)
try:
    next(fresh)
except TypeError as e:
    print("TypeError:", e)
try:
    for item in fresh:
        pass
except TypeError as e:
    print("TypeError:", e)
fresh.close()
print(fresh.cr_frame)


async def wait_on(thing):
    return await thing


for thing in (3, "abc", [1, 2], None):
    w = wait_on(thing)
    try:
        w.send(None)
    except TypeError as e:
        print("TypeError:", e)


class Ticket:
    """An awaitable written by hand: __await__ returns an iterator."""

    def __init__(self, n):
        self.n = n

    def __await__(self):
        got = yield f"waiting for ticket {self.n}"
        return f"ticket {self.n}: {got}"


async def use_ticket():
    a = await Ticket(1)
    b = await Ticket(2)
    return [a, b]


t = use_ticket()
print(t.send(None))
print(t.cr_await is not None, t.cr_suspended)
print(t.send("ok"))
try:
    t.send("done")
except StopIteration as stop:
    print(stop.value)


class BadAwait:
    def __await__(self):
        return 42


try:
    wait_on(BadAwait()).send(None)
except TypeError as e:
    print("TypeError:", e)


async def raises_stop():
    raise StopIteration("inside")


try:
    raises_stop().send(None)
except RuntimeError as e:
    print("RuntimeError:", e, type(e.__cause__).__name__)

s = use_ticket()
s.send(None)
try:
    s.throw(KeyError("k"))
except KeyError as e:
    print("KeyError:", e)
print(s.cr_frame)
