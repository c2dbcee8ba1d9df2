# Accounts built on slotted entities: one level that forgets __slots__ costs a __dict__.
import sys


class Entity:
    __slots__ = ("key",)

    def __init__(self, key):
        self.key = key


class Account(Entity):
    __slots__ = ("owner",)

    def __init__(self, key, owner):
        super().__init__(key)
        self.owner = owner


class Ledger(Account):
    pass


class Flagged(Account):
    __slots__ = ("flag", "__dict__")


b = Entity(0)
n = Account(1, "n")
l = Ledger(2, "l")
l.extra = "allowed"
t = Flagged(3, "t")
t.flag = "x"
t.more = 1
print(sys.getsizeof(b), sys.getsizeof(n), sys.getsizeof(l), sys.getsizeof(t))
print(hasattr(n, "__dict__"), hasattr(l, "__dict__"), l.__dict__, t.__dict__)
print(Account.__slots__, Flagged.__slots__, Ledger.__mro__[1].__name__)
print([s for c in Flagged.__mro__ for s in getattr(c, "__slots__", ())])
print(Account.owner, Entity.key, type(Entity.key).__name__)
print(Account.owner.__name__, Account.owner.__objclass__.__name__)
print(sys.getsizeof(Entity), sys.getsizeof(Ledger), sys.getsizeof(Flagged))
print(sys.getsizeof(Account.owner))
print(n.key, n.owner, l.key, l.owner, t.key, t.owner, t.flag)
