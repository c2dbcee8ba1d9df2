# Small context managers from contextlib: suppress, closing, nullcontext.
import contextlib
import sys
import gc

with contextlib.suppress(KeyError):
    print({"a": 1}["b"])
print("after the missing key")
with contextlib.suppress(ZeroDivisionError, ValueError):
    int("x")
print("after the bad int")
try:
    with contextlib.suppress(KeyError):
        1 / 0
except ZeroDivisionError as e:
    print("not suppressed:", e)
with contextlib.suppress(LookupError):
    [][3]
print("IndexError is a LookupError")


class Resource:
    def __init__(self, name):
        self.name = name
        self.closed = False

    def close(self):
        self.closed = True
        print("closing", self.name)


with contextlib.closing(Resource("db")) as r:
    print("using", r.name, r.closed)
print("closed afterwards:", r.closed)
try:
    with contextlib.closing(Resource("file")) as f:
        raise RuntimeError("boom")
except RuntimeError as e:
    print("error", e, "closed:", f.closed)


def process(data, lock=None):
    with lock if lock is not None else contextlib.nullcontext() as held:
        print("processing", data, "holding", held)


process([1, 2])
with contextlib.nullcontext(42) as value:
    print("value", value)
with contextlib.nullcontext(enter_result="x") as v:
    print("enter_result", v)
s = contextlib.suppress(KeyError)
print(type(s).__name__, sys.getsizeof(s), gc.is_tracked(s))
print(sys.getsizeof(contextlib.nullcontext()), sys.getsizeof(contextlib.closing(None)))
