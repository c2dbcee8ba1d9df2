class BankError(Exception):
    """Base class for bank errors."""


class InsufficientFunds(BankError):
    def __init__(self, balance, amount):
        super().__init__(f"balance {balance} is less than {amount}")
        self.balance = balance
        self.amount = amount

    @property
    def shortfall(self):
        return self.amount - self.balance


class AccountLocked(BankError):
    pass


def withdraw(balance, amount, locked=False):
    if locked:
        raise AccountLocked("account is locked")
    if amount > balance:
        raise InsufficientFunds(balance, amount)
    return balance - amount


for args in [(100, 30), (50, 80), (10, 1, True)]:
    try:
        print("new balance:", withdraw(*args))
    except InsufficientFunds as e:
        print("short by", e.shortfall, "-", e, e.args)
    except BankError as e:
        print(type(e).__name__, e)
print(InsufficientFunds.__mro__[1].__name__, issubclass(AccountLocked, Exception))
print([c.__name__ for c in InsufficientFunds.__mro__])
