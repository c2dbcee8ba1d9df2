import sys, gc, io
from contextlib import ExitStack, redirect_stdout, redirect_stderr, suppress
class Swallow:
    def __enter__(self):
        return self
    def __exit__(self, *exc):
        print("swallow", exc[0].__name__ if exc[0] else None)
        return True

with ExitStack() as s:
    s.push(Swallow())
    s.callback(print, "first registered, last run")
    raise ValueError("boom")
print("after suppressed")

def exit_fn(typ, val, tb):
    print("exit_fn saw", typ.__name__ if typ else None, val)
    return False

try:
    with ExitStack() as s:
        s.push(exit_fn)
        raise KeyError("k")
except KeyError as e:
    print("caught", repr(e))

buf = io.StringIO()
with redirect_stdout(buf) as target:
    print("captured line 1")
    print("captured", 2, sep=":")
print(target is buf, repr(buf.getvalue()))
rd = redirect_stdout(buf)
print(sys.getsizeof(rd), gc.is_tracked(rd), sys.getrefcount(buf))
with rd:
    print(sys.getrefcount(buf))
print(sys.getrefcount(buf))
err = io.StringIO()
with redirect_stderr(err):
    print("stdout still")
print(repr(err.getvalue()))
with suppress(ZeroDivisionError):
    1 / 0
print("done")
