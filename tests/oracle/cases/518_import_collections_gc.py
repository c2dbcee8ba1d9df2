# Importing collections runs Python code: the collector notices.
import gc

gc.collect()
import collections
print(gc.get_count())
print(gc.collect())
print(gc.get_count())
d = collections.deque([[1], [2]])
print(gc.get_count(), gc.is_tracked(d))
print(type(d).__name__, collections.deque is type(d))
