# Mixins: small classes that add one behaviour each.
class ReprMixin:
    def __repr__(self):
        items = ", ".join(k + "=" + repr(v) for k, v in sorted(self.__dict__.items()))
        return type(self).__name__ + "(" + items + ")"


class LogMixin:
    log = []

    def record(self, message):
        LogMixin.log.append(type(self).__name__ + ": " + message)


class EqualityMixin:
    def __eq__(self, other):
        return type(self) is type(other) and self.__dict__ == other.__dict__

    __hash__ = None


class Account(ReprMixin, LogMixin, EqualityMixin):
    def __init__(self, owner, balance=0):
        self.owner = owner
        self.balance = balance

    def deposit(self, amount):
        self.balance += amount
        self.record("deposit " + str(amount))


acct = Account("ann")
acct.deposit(10)
acct.deposit(5)
print(acct)
print(LogMixin.log)
print(acct == Account("ann", 15), acct == Account("bob", 15))
print([k.__name__ for k in Account.__mro__])
print(Account.__hash__ is None)


class Savings(Account):
    rate = 0.02


s = Savings("cy", 100)
s.deposit(1)
print(s, LogMixin.log[-1])
