# @dataclass around a class that writes some of its special methods itself
from dataclasses import dataclass, field, asdict
from functools import total_ordering
import sys

@total_ordering
@dataclass(frozen=True)
class Version:
    major: int
    minor: int = 0
    patch: int = 0

    def __lt__(self, other):
        return (self.major, self.minor, self.patch) < (other.major, other.minor, other.patch)

    @classmethod
    def parse(cls, text: str) -> "Version":
        return cls(*map(int, text.split(".")))

@dataclass
class Inventory:
    items: list = field(default_factory=list)
    owner: str = "nobody"

    def __post_init__(self):
        self.count = len(self.items)

vs = sorted(Version.parse(s) for s in ["1.10.0", "1.2.3", "0.9", "1.2"])
print(vs)
print(vs[0] <= vs[1], max(vs), Version(1) == Version(1, 0, 0), hash(Version(1)) == hash(Version(1, 0)))
try:
    vs[0].major = 5
except Exception as e:
    print(type(e).__name__, e)
inv = Inventory(["apple", "pear"], owner="ana")
print(inv, asdict(inv), inv.count)
print(sys.getsizeof(vs[0]), sys.getsizeof(inv), sys.getsizeof(inv.__dict__))

try:
    @dataclass(order=True)
    class Ticket:
        priority: int
        def __lt__(self, other):
            return self.priority > other.priority
except TypeError as err:
    print("TypeError:", err)
from dataclasses import dataclass, field, fields
import sys

@dataclass
class Money:
    amount: int
    currency: str = "EUR"
    def __repr__(self):
        return f"{self.amount / 100:.2f} {self.currency}"
    def __eq__(self, other):
        if not isinstance(other, Money):
            return NotImplemented
        return (self.amount, self.currency) == (other.amount, other.currency)

@dataclass
class Account:
    owner: str
    balance: Money = field(default_factory=lambda: Money(0))
    def __init__(self, owner, cents=0):
        self.owner = owner.title()
        self.balance = Money(cents)

a = Account("ada lovelace", 1050)
print(a, a.balance, Money(5) == Money(5), Money(5) == 5, Money.__hash__)
print([f.name for f in fields(Account)], Account.__init__.__qualname__, Money.__repr__.__qualname__)
print(sys.getsizeof(a), sys.getsizeof(a.balance), Account.__eq__ is not object.__eq__)
