# Mistakes in __slots__ that CPython rejects when the class is made.
try:
    class A:
        __slots__ = ("x",)
        x = 1
except ValueError as e:
    print("ValueError:", e)
try:
    class B:
        __slots__ = (1, 2)
except TypeError as e:
    print("TypeError:", e)
try:
    class C:
        __slots__ = ("1x",)
except TypeError as e:
    print("TypeError:", e)
try:
    class D:
        __slots__ = ("__dict__", "__dict__")
except TypeError as e:
    print("TypeError:", e)


class W:
    __slots__ = ("__weakref__",)


try:
    class W2(W):
        __slots__ = ("__weakref__",)
except TypeError as e:
    print("TypeError:", e)


class Left:
    __slots__ = ("a",)


class Right:
    __slots__ = ("b",)


try:
    class Both(Left, Right):
        pass
except TypeError as e:
    print("TypeError:", e)


class Empty:
    __slots__ = ()


class Fine(Left, Empty):
    pass


print([k.__name__ for k in Fine.__mro__])
f = Fine()
f.a = 1
f.other = 2
print(f.a, f.other, Fine.__slots__ if hasattr(Fine, "__slots__") else None)


class One:
    __slots__ = "only"


print(One.__slots__, type(One.only).__name__)


class Listed:
    __slots__ = ["b", "a"]


print(Listed.__slots__, Listed.a, Listed.b)
