# Generator-based context managers with contextlib.contextmanager.
from contextlib import contextmanager


@contextmanager
def section(title):
    """Print a header and a footer around a block."""
    print(f"== {title} ==")
    try:
        yield title.lower()
    finally:
        print(f"-- end of {title} --")


with section("Intro") as slug:
    print("inside", slug)

with section("Outer"):
    with section("Inner") as inner:
        print("nested", inner)


@contextmanager
def depth(counter=[0]):
    counter[0] += 1
    try:
        yield counter[0]
    finally:
        counter[0] -= 1


with depth() as a:
    with depth() as b:
        print("levels", a, b)
with depth() as c:
    print("back to", c)

try:
    with section("Broken"):
        raise ValueError("bad data")
except ValueError as e:
    print("caught:", e)


@contextmanager
def swallow(kind):
    try:
        yield
    except kind as e:
        print("swallowed", type(e).__name__, e)


with swallow(KeyError):
    {}["missing"]
print("after swallow")
with swallow(KeyError):
    print("nothing raised")
try:
    with swallow(KeyError):
        [][0]
except IndexError as e:
    print("passed through:", e)


@contextmanager
def empty():
    if False:
        yield


try:
    with empty():
        pass
except RuntimeError as e:
    print("RuntimeError:", e)
print(section.__name__, section.__doc__, section.__wrapped__.__name__)
cm = section("Later")
print(type(cm).__name__, cm.__doc__)
with cm as got:
    print("entered", got)
