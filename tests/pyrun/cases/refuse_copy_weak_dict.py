# copy.copy of a WeakValueDictionary: CPython's __copy__ makes a new
# dictionary with KeyedRefs of its own; the model's generic instance copy
# would share `data`, so it is refused.
import copy
import weakref


class Item:
    pass


it = Item()
d = weakref.WeakValueDictionary()
d["a"] = it
print(len(d))
e = copy.copy(d)
print(len(e))
