# Exploring the type hierarchy: every class knows its bases and its MRO.
import sys, gc

for cls in (int, bool, str, list, dict, tuple, set, frozenset, float, complex,
            bytes, bytearray, range, type, object, slice):
    print(f"{cls.__name__:10} bases={cls.__bases__} base={cls.__base__}")
    print(" " * 11, "mro:", [c.__name__ for c in cls.__mro__])

print(bool.__mro__)
print(type(None).__mro__, type(NotImplemented).__bases__, type(...).__qualname__)
print(type(len).__mro__, type(lambda: 0).__qualname__, type(print).__module__)
print(type({}.keys()).__mro__, type(iter([])).__qualname__, type(iter(range(3))).__base__)
print(type(enumerate([])).__mro__, zip.__bases__, map.__module__, filter.__qualname__)

# the tuples already exist: reading them makes nothing
print(int.__mro__ is int.__mro__, bool.__bases__ is bool.__bases__)
print(sys.getrefcount(int.__mro__), sys.getrefcount(bool.__bases__))
m = bool.__mro__
print(sys.getrefcount(m), gc.is_tracked(m), gc.is_tracked(str.__bases__))
print(len(m), m[1] is int, m[-1] is object, int in m)

# exception classes are built-in types too
for exc in (KeyError, ZeroDivisionError, StopIteration, BaseException, ExceptionGroup):
    print(exc.__qualname__, exc.__module__, exc.__bases__, exc.__base__)
print(KeyError.__mro__)
print(sys.getrefcount(KeyError.__mro__), gc.is_tracked(KeyError.__mro__))
print(sys.getrefcount(IndexError.__bases__), gc.is_tracked(IndexError.__bases__))

# and a class of ours builds its own
class Animal: pass
class Dog(Animal, dict): pass
print(Dog.__mro__, Dog.__bases__, Dog.__base__)
print([c.__qualname__ for c in Dog.__mro__], [c.__module__ for c in Dog.__mro__])
print(gc.collect())
print(bool.mro(), type.mro(bool), KeyError.mro()[1:3], int.mro())
