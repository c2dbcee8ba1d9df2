# A WeakValueDictionary's `data` holds KeyedRef objects in CPython; the
# model's stand-ins differ, so reading it is refused.
import weakref


class Item:
    pass


it = Item()
d = weakref.WeakValueDictionary()
d["x"] = it
print(len(d))
print(type(d.data["x"]))
