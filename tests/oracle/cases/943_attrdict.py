# The AttrDict recipe: a dict whose keys read as attributes.  __getattr__
# turns a missing key into AttributeError, __setattr__ and __delattr__ write
# to the dict; a Logged list prints each method it hands out through
# __getattribute__; an upper-casing str overrides one method's lookup.
import gc
import sys


class AttrDict(dict):
    def __getattr__(self, name):
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name) from None

    def __setattr__(self, name, value):
        self[name] = value

    def __delattr__(self, name):
        del self[name]


cfg = AttrDict(host="localhost", port=8080)
print(cfg.host, cfg.port, cfg.keys(), len(cfg))
cfg.debug = True
print(cfg, hasattr(cfg, "nope"), getattr(cfg, "nope", 0))
del cfg.debug
print(cfg, sys.getrefcount(cfg), sys.getsizeof(cfg))
try:
    cfg.missing
except AttributeError as e:
    print("AttributeError:", e)
try:
    del cfg.missing
except KeyError as e:
    print("KeyError:", e)


class Logged(list):
    def __getattribute__(self, name):
        if not name.startswith("__"):
            print("get", name)
        return super().__getattribute__(name)


log = Logged([3, 1, 2])
log.sort()
log.append(0)
print(log, log.count(0))


class Point(tuple):
    def __getattr__(self, name):
        if name == "x":
            return self[0]
        if name == "y":
            return self[1]
        raise AttributeError(name)


pt = Point((3, 4))
print(pt.x, pt.y, pt.count(3), (pt.x ** 2 + pt.y ** 2) ** 0.5)


class Shout(str):
    def __getattribute__(self, name):
        if name == "lower":
            return lambda: "no"
        return str.__getattribute__(self, name)


s = Shout("Abc")
print(s.lower(), s.upper())

gc.collect()
before = gc.get_count()[0]
for i in range(8):
    cfg.port = i
print(gc.get_count()[0] - before, cfg.port)
gc.collect()
before = gc.get_count()[0]
for i in range(8):
    cfg.get("host")
print(gc.get_count()[0] - before)
