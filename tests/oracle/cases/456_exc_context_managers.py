# Context managers that see the exception, its traceback, and suppress it
import gc
import sys


class Resource:
    def __init__(self, name, swallow=False):
        self.name = name
        self.swallow = swallow

    def __enter__(self):
        print("open", self.name)
        return self

    def __exit__(self, exc_type, exc, tb):
        kind = exc_type.__name__ if exc_type else None
        print("close", self.name, kind, type(tb).__name__)
        if tb is not None:
            print("  raised at line", tb.tb_lineno, "size", sys.getsizeof(tb))
        return self.swallow


with Resource("plain"):
    pass

with Resource("quiet", swallow=True):
    raise KeyError("gone")
print("after quiet")

try:
    with Resource("outer"), Resource("inner"):
        [][1]
except IndexError as e:
    print("handled", e, e.__traceback__.tb_lineno)

with Resource("a", swallow=True) as a, Resource("b") as b:
    raise ValueError(a.name + b.name)
print("both closed")
print(gc.collect())
