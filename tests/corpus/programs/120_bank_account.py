class Account:
    interest_rate = 0.02
    _next_number = 1000

    def __init__(self, owner, balance=0):
        self.owner = owner
        self._balance = balance
        self.number = Account._next_number
        Account._next_number += 1
        self.transactions = []

    @property
    def balance(self):
        return self._balance

    def deposit(self, amount):
        if amount <= 0:
            raise ValueError("deposit must be positive")
        self._balance += amount
        self.transactions.append(+amount)
        return self

    def withdraw(self, amount):
        if amount > self._balance:
            raise ValueError(f"insufficient funds: {self._balance} < {amount}")
        self._balance -= amount
        self.transactions.append(-amount)
        return self

    def __str__(self):
        return f"#{self.number} {self.owner}: {self._balance:.2f}"


class Savings(Account):
    interest_rate = 0.05

    def add_interest(self):
        return self.deposit(round(self.balance * self.interest_rate, 2))


acc = Account("ann", 100).deposit(50).withdraw(30)
sav = Savings("bob", 1000)
sav.add_interest().add_interest()
print(acc, acc.transactions)
print(sav, sav.transactions)
try:
    acc.withdraw(500)
except ValueError as e:
    print(e)
