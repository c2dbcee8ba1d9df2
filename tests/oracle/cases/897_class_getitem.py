# __class_getitem__: C[key] on the class itself, an implicit classmethod.
import sys


class Registry:
    _items = {}

    def __class_getitem__(cls, key):
        return cls._items.get(key, f"<no {key}>")


Registry._items["a"] = 1
print(Registry["a"], Registry["zz"])


class Sub(Registry):
    pass


print(Sub["a"], type(Registry.__dict__["__class_getitem__"]).__name__)


class Plain:
    pass


try:
    Plain[int]
except TypeError as e:
    print("TypeError:", e)


class Typed:
    def __class_getitem__(cls, item):
        return (cls.__name__, item)


print(Typed[int, str], Typed["x"])
print(sys.getrefcount(Typed), sys.getsizeof(Typed))
