# dir() the way tutorials explore objects: the public methods of the
# built-in types, an instance's attributes and its class's, sorted.
first, *rest = [1, 2, 3, 4]
print(dir(rest)[:3], len(dir(rest)), len(dir(1)), len(dir("")), len(dir({})), len(dir(None)))
print([name for name in dir("text") if not name.startswith("_")])
print([name for name in dir(dict) if not name.startswith("__")])


class Account:
    bank = "PyBank"

    def __init__(self, owner, balance=0):
        self.owner = owner
        self.balance = balance

    def deposit(self, amount):
        self.balance += amount


class Savings(Account):
    rate = 0.02


acct = Savings("ada", 100)
print([name for name in dir(acct) if not name.startswith("__")])
print(len(dir(acct)), len(dir(Savings)), dir(acct) == sorted(dir(acct)))
print("deposit" in dir(acct), "owner" in dir(Savings))
