# Properties as the tutorials build them: property(fget, fset, fdel, doc),
# the decorator form whose docstring becomes the property's __doc__, and
# .getter/.setter/.deleter making a new property each time.
import gc
import sys


class Celsius:
    def __init__(self, temperature=0):
        self._temperature = temperature

    def get_temperature(self):
        print("Getting value...")
        return self._temperature

    def set_temperature(self, value):
        print("Setting value...")
        if value < -273.15:
            raise ValueError("Temperature below -273.15 is not possible")
        self._temperature = value

    def del_temperature(self):
        print("Deleting value...")
        del self._temperature

    temperature = property(get_temperature, set_temperature, del_temperature, "The temperature in degrees C.")


class Account:
    def __init__(self, owner):
        self.owner = owner
        self._balance = 0

    @property
    def balance(self):
        """The balance, never negative."""
        return self._balance

    @balance.setter
    def balance(self, value):
        if value < 0:
            raise ValueError("negative balance")
        self._balance = value

    @balance.deleter
    def balance(self):
        self._balance = 0

    name = property(lambda self: self.owner.title())
    plain = property(doc="Nothing but a doc.")


human = Celsius(37)
print(human.temperature)
human.temperature = 40
print(human.temperature)
try:
    human.temperature = -300
except ValueError as e:
    print("ValueError:", e)
del human.temperature
print(hasattr(human, "_temperature"))
print(Celsius.temperature.__doc__)
print(Celsius.temperature.fget.__name__, Celsius.temperature.fdel.__name__)

acct = Account("ada lovelace")
acct.balance = 100
print(acct.balance, acct.name)
del acct.balance
print(acct.balance)
print(Account.balance.__doc__)
print(Account.name.__doc__, Account.plain.__doc__, Account.plain.fget)
try:
    acct.plain
except AttributeError as e:
    print("AttributeError:", e)

# each decorator step made a new property: the first ones are gone
base = property(Account.balance.fget)
print(base.__doc__)
with_setter = base.setter(Account.balance.fset)
print(with_setter is base, with_setter.__doc__, with_setter.fset.__name__)
explicit = property(Account.balance.fget, doc="Explicit wins.")
print(explicit.setter(Account.balance.fset).__doc__)
print(explicit.getter(lambda self: 0).__doc__)
print(base.getter(lambda self: 0).__doc__)
print("size:", sys.getsizeof(base), "tracked:", gc.is_tracked(base))
print("refcount of the getter:", sys.getrefcount(Account.balance.fget))
doc = Account.balance.__doc__
before = sys.getrefcount(doc)
del base, with_setter
print("references the two properties held on the docstring:", before - sys.getrefcount(doc))
