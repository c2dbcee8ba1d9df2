# A registry that turns attribute access into dictionary lookups.
import sys


class Registry:
    def __init__(self):
        object.__setattr__(self, "_items", {})

    def __getattr__(self, name):
        items = self._items
        if name in items:
            return items[name]
        raise AttributeError("no entry " + repr(name))

    def __setattr__(self, name, value):
        self._items[name] = value

    def __delattr__(self, name):
        del self._items[name]


reg = Registry()
reg.host = "localhost"
reg.port = 8080
print(reg.host, reg.port, reg._items)
print(getattr(reg, "user", "nobody"), hasattr(reg, "port"), hasattr(reg, "user"))
del reg.port
print(sorted(reg._items))
try:
    reg.port
except AttributeError as e:
    print("AttributeError:", e)
print("__dict__ of reg:", reg.__dict__)
print(sys.getrefcount(reg), sys.getsizeof(reg))


class Defaults:
    color = "blue"

    def __getattr__(self, name):
        return "default-" + name


d = Defaults()
d.size = 3
print(d.color, d.size, d.shape, d.anything_at_all)


class Watch:
    def __getattr__(self, name):
        return sys.getrefcount(self)


w = Watch()
print("refs inside __getattr__:", w.x)
