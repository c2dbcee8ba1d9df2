# Private names: self.__balance in a class is stored as _Account__balance,
# in methods, class attributes, slots, nested classes, lambdas and handlers.
import sys


class Account:
    __count = 0

    def __init__(self, owner, balance=0):
        self.owner = owner
        self.__balance = balance
        Account.__count += 1

    def __audit(self, amount):
        return f"{self.owner}: {amount:+}"

    def deposit(self, amount):
        self.__balance += amount
        return self.__audit(amount)

    @property
    def balance(self):
        return self.__balance

    @classmethod
    def opened(cls):
        return cls.__count


class Savings(Account):
    def __init__(self, owner):
        super().__init__(owner, 10)
        self.__balance = -1


a = Account("ann", 5)
print(a.deposit(7), a.balance, Account.opened())
print(sorted(vars(a)), a._Account__balance)
s = Savings("bo")
print(sorted(vars(s)), s.balance)
try:
    a.__balance
except AttributeError as e:
    print(e)
print(Account._Account__audit.__name__, Account._Account__audit.__qualname__)
print(hasattr(Account, "_Account__count"), hasattr(Account, "__count"))


class __Hidden:
    def __peek(self):
        return self.__x

    def __init__(self):
        self.__x = 3


h = __Hidden()
print(vars(h), h._Hidden__peek())


class Outer:
    class __Inner:
        def get(self):
            self.__v = 1
            return vars(self)

    def make(self):
        return self.__Inner().get()


print(Outer().make(), hasattr(Outer, "_Outer__Inner"))


class Slotted:
    __slots__ = ("__a", "b")

    def __init__(self):
        self.__a = 1
        self.b = 2


print(hasattr(Slotted, "_Slotted__a"), sys.getsizeof(Slotted()))


class F:
    def run(self):
        f = lambda __q: __q + 1
        try:
            raise ValueError("x")
        except ValueError as __err:
            got = repr(__err)
        return f(1), got


print(F().run())
