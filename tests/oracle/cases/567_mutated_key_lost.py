# The classic warning: never change an object while it is a dict key or set item.
import sys


class Account:
    def __init__(self, number):
        self.number = number

    def __eq__(self, other):
        return isinstance(other, Account) and self.number == other.number

    def __hash__(self):
        print("  hash of", self.number)
        return hash(self.number)

    def __repr__(self):
        return f"Account({self.number})"


a = Account(1001)
accounts = {a}
balances = {a: 50}
print("stored")
a.number = 2002                      # its hash changes
print(a in accounts)                 # looked for under the new hash: not found
print(Account(1001) in accounts)     # right hash, but the stored one no longer equals it
accounts.add(a)                      # so it goes in a second time
print(len(accounts), accounts)
print(sys.getrefcount(a))
try:
    print(balances[a])
except KeyError as e:
    print("KeyError", e)
balances[a] = 75
print(balances)
a.number = 1001                      # back to its old hash
print(balances[a], len(balances))
for key in list(balances):
    print(key, balances[key])
