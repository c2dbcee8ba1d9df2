# Naming __dict__ or __weakref__ in __slots__ gives those back, one at a time.
import sys
import weakref


class JustSlots:
    __slots__ = ("a",)


class WithDict:
    __slots__ = ("a", "__dict__")


class WithWeak:
    __slots__ = ("a", "__weakref__")


class WithBoth:
    __slots__ = ("a", "__dict__", "__weakref__")


for cls in (JustSlots, WithDict, WithWeak, WithBoth):
    obj = cls()
    obj.a = 1
    try:
        ref = weakref.ref(obj)
        weak = "weakref ok"
    except TypeError:
        weak = "no weakref"
    print(cls.__name__, sys.getsizeof(obj), sys.getsizeof(cls), hasattr(obj, "__dict__"), weak)
w = WithWeak()
r1 = weakref.ref(w)
print(w.__weakref__ is r1, weakref.getweakrefcount(w))
d = WithDict()
d.extra = "x"
print(d.__dict__, WithWeak.__weakref__, WithDict.a)
