# `from module import name` allocates nothing you keep, but in 3.11 it can
# still move the young generation's count: the interpreter looks for the
# module's __path__ (only packages have one) and the failed lookup leaves a
# tuple on the free list. io's own __getattr__ (3.11) adds a frame object.
import gc
import io, math, json, copy

gc.collect()
a = gc.get_count()
from io import StringIO
b = gc.get_count()
from math import sqrt, pi
c = gc.get_count()
from json import dumps
d = gc.get_count()
from copy import deepcopy
e = gc.get_count()
from sys import getrefcount
f = gc.get_count()
print(a[0], b[0], c[0], d[0], e[0], f[0])

gc.collect()
before = gc.get_count()[0]
print(hasattr(io, "StringIO"), hasattr(io, "OpenWrapper2"), getattr(io, "nothing", None))
print(gc.get_count()[0] - before)


def load():
    from io import StringIO
    from math import floor
    return StringIO, floor


gc.collect()
before = gc.get_count()[0]
load()
print(gc.get_count()[0] - before)
