# A method CPython's WeakValueDictionary has and the model's lacks is
# refused, never an AttributeError.
import weakref


class Item:
    pass


it = Item()
d = weakref.WeakValueDictionary()
d["x"] = it
print(len(d))
d.clear()
