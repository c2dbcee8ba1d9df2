# (Was oracle 494: CPython 3.11 prints 5 for the plain class, pydive printed 4,
# because the dicts CPython's compiler leaves on the free list are not modelled.
# Unpinned by a full gc.collect(), it is now refused; oracle 497 drains the
# free lists first and matches.)
# What making a class adds to the young generation's count.
import gc

gc.disable()


class Warm1:
    pass


class Warm2:
    pass


before = gc.get_count()[0]


class Plain:
    pass


after = gc.get_count()[0]
print("plain class:", after - before)
before = gc.get_count()[0]


class WithMethods:
    def a(self):
        pass

    def b(self):
        pass


after = gc.get_count()[0]
print("two methods:", after - before)
before = gc.get_count()[0]


class Slots:
    __slots__ = ("x", "y", "z")


after = gc.get_count()[0]
print("three slots:", after - before)
before = gc.get_count()[0]


class Sub(Plain):
    pass


after = gc.get_count()[0]
print("subclass:", after - before)
before = gc.get_count()[0]
objs = [Plain() for i in range(10)]
after = gc.get_count()[0]
print("ten instances and a list:", after - before)
gc.enable()
