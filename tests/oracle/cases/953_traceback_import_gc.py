# What importing traceback (linecache, textwrap, contextlib, collections and
# what they need) costs the collector from a clean start.
import gc
import sys

gc.collect()
import traceback
print(gc.get_count())
print(gc.collect())
import textwrap
import functools
print(gc.get_count())
try:
    1 / 0
except ZeroDivisionError as exc:
    print(sys.getrefcount(exc))
    last = traceback.format_exc().splitlines()[-1]
    print(sys.getrefcount(exc), last)
gc.collect()
print(gc.get_count())
