# Does a new object get the address of one that was just freed?
class Foo:
    pass


class Bar:
    __slots__ = ()


class Baz:
    def __init__(self):
        self.a = 1


keep = Foo()
for cls in (Foo, Bar, Baz, Foo, Baz):
    first = cls()
    address = id(first)
    del first
    second = cls()
    print(cls.__name__, id(second) == address)
    del second

row = [Foo() for _ in range(3)]
middle = id(row[1])
del row[1]
print("reused the middle one:", id(Foo()) == middle)
a = [1, 2, 3]
old = id(a)
del a
b = [4, 5, 6]
print("list:", id(b) == old)
