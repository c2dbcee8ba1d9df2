# A class is a reference cycle: del does not free it, the collector does.
import gc
import weakref

gc.collect()


class Temp:
    pass


r = weakref.ref(Temp)
del Temp
print("after del:", r() is not None)
print("collected:", gc.collect())
print("after collect:", r())


class Base:
    def hello(self):
        return "hi"


class Child(Base):
    pass


class Slotted:
    __slots__ = ("x", "y")


del Child
print("child:", gc.collect())
del Base
print("base:", gc.collect())
del Slotted
print("slotted:", gc.collect())


class Holder:
    pass


h = Holder()
del Holder
print("class kept by an instance:", gc.collect(), type(h).__name__)
del h
print("instance and class:", gc.collect())
