from dataclasses import dataclass, field, asdict, astuple, replace, fields
import sys
@dataclass
class Item:
    name: str
    price: float
    qty: int = 0
    tags: list = field(default_factory=list)
    def total(self):
        return self.price * self.qty
it = Item("pen", 1.5, 4)
print(it, it.total())
print(asdict(it), astuple(it))
print(replace(it, qty=10))
print([f.name for f in fields(Item)])
print(it == Item("pen", 1.5, 4, []))
@dataclass(frozen=True, order=True)
class P:
    x: int
    y: int
print(sorted([P(2, 1), P(1, 5), P(1, 2)]))
try:
    P(1, 2).x = 5
except Exception as e:
    print(type(e).__name__, e)
@dataclass(slots=True)
class S:
    a: int
    b: int
s = S(1, 2)
print(s, sys.getsizeof(s), hasattr(s, '__dict__'))
print(hash(P(1, 2)) == hash(P(1, 2)))
