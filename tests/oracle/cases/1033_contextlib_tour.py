from contextlib import contextmanager, suppress, ExitStack, redirect_stdout, nullcontext
import io
@contextmanager
def tag(name):
    print(f"<{name}>")
    try:
        yield name.upper()
    finally:
        print(f"</{name}>")
with tag("p") as t:
    print("inside", t)
with suppress(ZeroDivisionError):
    1 / 0
    print("never")
print("after suppress")
buf = io.StringIO()
with redirect_stdout(buf):
    print("captured!")
print(repr(buf.getvalue()))
with ExitStack() as stack:
    for n in "abc":
        stack.callback(print, "closing", n)
    print("body")
with nullcontext(42) as v:
    print(v)
@contextmanager
def failing():
    try:
        yield
    except ValueError as e:
        print("handled", e)
with failing():
    raise ValueError("boom")
print("done")
