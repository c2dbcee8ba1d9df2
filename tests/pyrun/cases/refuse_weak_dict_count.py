# gc.get_count() after a WeakValueDictionary's method ran: CPython ran
# weakref.py's Python code, whose temporaries fill its free lists (right
# after a gc.collect() `d[k] = v` moves the count by 9 on 3.11, by 1
# later), so the count is refused until a full collection pins it again.
import gc
import weakref


class Item:
    pass


item = Item()
d = weakref.WeakValueDictionary()
gc.collect()
d["a"] = item
print(len(d))
print(gc.get_count())
