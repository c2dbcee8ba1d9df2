# Hierarchies CPython refuses to linearise.
class A:
    pass


class B(A):
    pass


try:
    class Bad(A, B):
        pass
except TypeError as e:
    print("TypeError:", e)
try:
    class Twice(A, A):
        pass
except TypeError as e:
    print("TypeError:", e)


class X:
    pass


class Y:
    pass


class XY(X, Y):
    pass


class YX(Y, X):
    pass


try:
    class Cross(XY, YX):
        pass
except TypeError as e:
    print("TypeError:", e)


class Good(B, A):
    pass


print([k.__name__ for k in Good.__mro__])
