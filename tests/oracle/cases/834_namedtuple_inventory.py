from typing import NamedTuple
import sys

class Item(NamedTuple):
    name: str
    price: float
    qty: int = 1

    @property
    def total(self):
        return self.price * self.qty

    def with_discount(self, pct):
        return self._replace(price=round(self.price * (1 - pct / 100), 2))

stock = [Item("pen", 1.5, 10), Item("book", 12.0), Item("bag", 30.0, 2)]
for item in sorted(stock, key=lambda i: i.total, reverse=True):
    print(f"{item.name:<5} {item.qty:>3} x {item.price:>6.2f} = {item.total:>7.2f}")
cheap = stock[2].with_discount(10)
print(cheap, cheap.total, stock[2] is cheap)
print(Item._field_defaults, Item.__annotations__["qty"], len(stock[0]))
name, price, qty = stock[1]
print(name, price, qty, sys.getsizeof(stock[1]), Item.__mro__[1])
print(max(stock), stock[0] < stock[1], stock[0]._asdict())
