# An augmented assignment to an attribute the instance never set.
class Account:
    def __init__(self, owner):
        self.owner = owner

    def deposit(self, amount):
        self.balance += amount


acct = Account("ada")
acct.deposit(10)
