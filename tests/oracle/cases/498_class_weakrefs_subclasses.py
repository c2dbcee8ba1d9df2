# Every class keeps a weak reference to each of its subclasses.
import gc
import sys
import weakref


class Base:
    pass


print(weakref.getweakrefcount(Base))


class Child(Base):
    pass


class Other(Base):
    pass


print(weakref.getweakrefcount(Base), weakref.getweakrefcount(Child))
r = weakref.ref(Child)
print(weakref.getweakrefcount(Child), r() is Child)
print(sys.getrefcount(Base), sys.getrefcount(Child))
del Child
print(gc.collect(), r())
print(sys.getrefcount(Base), weakref.getweakrefcount(Other))


class Both(Other, Base):
    pass


print([k.__name__ for k in Both.__mro__], weakref.getweakrefcount(Both))
print(sys.getrefcount(Base), sys.getrefcount(Other))
del Both
print(gc.collect(), sys.getrefcount(Base), sys.getrefcount(Other))
