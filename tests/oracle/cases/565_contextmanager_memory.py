# What a @contextmanager object holds while the block runs.
import sys
import gc
from contextlib import contextmanager


@contextmanager
def opened(name):
    handle = [name]
    print("open", name, sys.getrefcount(handle))
    try:
        yield handle
    finally:
        print("close", name, sys.getrefcount(handle))


with opened("a") as h:
    print("in the block", sys.getrefcount(h))
print("after", sys.getrefcount(h))
gc.collect()
manager = opened("b")
print(type(manager).__name__, gc.is_tracked(manager), sys.getsizeof(manager))
print(type(opened).__name__, sys.getsizeof(opened), opened.__name__)
with manager as h2:
    print("manager refs", sys.getrefcount(manager))
print(gc.collect())


class Closer:
    def __init__(self):
        self.log = []

    def close(self):
        self.log.append("closed")


@contextmanager
def managed(thing):
    try:
        yield thing
    finally:
        thing.close()


c = Closer()
with managed(c) as same:
    print(same is c, sys.getrefcount(c))
print(c.log, sys.getrefcount(c))
try:
    with managed(Closer()) as other:
        raise OSError("disk full")
except OSError as e:
    print("OSError:", e, other.log)
print(gc.collect())
