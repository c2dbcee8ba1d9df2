# The metaclass is inherited; a class can be made by calling it; two
# unrelated metaclasses conflict.
import sys


class Meta(type):
    pass


class Other(type):
    pass


class A(metaclass=Meta):
    pass


class B(A):
    pass


class C(B):
    pass


print([type(k).__name__ for k in (A, B, C)])
X = Meta("X", (B,), {"answer": 42})
print(X.answer, type(X).__name__, X.__mro__)
print(sys.getrefcount(Meta))
Y = type("Y", (), {})
print(type(Y).__name__)


class O(metaclass=Other):
    pass


try:
    class Both(A, O):
        pass
except TypeError as e:
    print("TypeError:", e)
try:
    class Weird(metaclass=Meta):
        pass
    class Sub(Weird, metaclass=type):
        pass
    print(type(Sub).__name__)
except TypeError as e:
    print("TypeError:", e)
try:
    class Bad(type):
        __slots__ = ("extra",)
except TypeError as e:
    print("TypeError:", e)


class Empty(type):
    __slots__ = ()


print(sys.getsizeof(Empty), sys.getsizeof(Meta))
del X
print(sys.getrefcount(Meta))
