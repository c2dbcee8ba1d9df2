# The diamond: C3 linearisation and super() walking it.
class A:
    def who(self):
        return "A"

    def path(self):
        return ["A"]


class B(A):
    def who(self):
        return "B>" + super().who()

    def path(self):
        return ["B"] + super().path()


class C(A):
    def who(self):
        return "C>" + super().who()

    def path(self):
        return ["C"] + super().path()


class D(B, C):
    def who(self):
        return "D>" + super().who()

    def path(self):
        return ["D"] + super().path()


d = D()
print(d.who())
print(d.path())
print([k.__name__ for k in D.__mro__])
print([k.__name__ for k in D.mro()])
print(D.__bases__, D.__base__.__name__)
print(isinstance(d, A), isinstance(d, C), issubclass(D, C), issubclass(C, B))
print(super(B, d).who(), super(C, d).who())


class X:
    pass


class Y:
    pass


class Z:
    pass


class K1(X, Y):
    pass


class K2(Y, Z):
    pass


class K3(X, Z):
    pass


class M(K1, K2, K3):
    pass


print([k.__name__ for k in M.__mro__])
print(len(M.mro()), M.mro() == list(M.__mro__))
