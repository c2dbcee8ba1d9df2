# Which objects support weak references: functions, classes, sets, modules,
# generators, bound methods do; ints, strs, tuples, lists, dicts, None,
# exceptions, iterators and a __slots__ class without __weakref__ do not.
import sys
import weakref
import collections


def f():
    pass


class C:
    def m(self):
        pass


class Slotted:
    __slots__ = ("a",)


class SlottedWeak:
    __slots__ = ("a", "__weakref__")


targets = [("function", f), ("lambda", lambda: 0), ("class", C), ("instance", C()),
           ("bound method", C().m), ("set", {1}), ("frozenset", frozenset({1})),
           ("module", sys), ("generator", (x for x in [])), ("deque", collections.deque()),
           ("code", f.__code__), ("bound builtin", [].append), ("slotted+weakref", SlottedWeak()),
           ("int", 1), ("str", "s"), ("tuple", (1,)), ("list", []), ("dict", {}),
           ("None", None), ("exception", ValueError()), ("object", object()), ("range", range(3)),
           ("iterator", iter([])), ("map", map(str, [])), ("slotted", Slotted()),
           ("property", property()), ("defaultdict", collections.defaultdict())]
for name, target in targets:
    try:
        r = weakref.ref(target)
        print(f"{name:16} ok", r() is target)
    except TypeError as e:
        print(f"{name:16} TypeError: {e}")
m = weakref.ref(sys)
print(m() is sys, weakref.getweakrefcount(sys))
