from dataclasses import dataclass, field
from collections import defaultdict


@dataclass
class Product:
    sku: str
    name: str
    price: float
    stock: int = 0


@dataclass
class Inventory:
    products: dict = field(default_factory=dict)
    history: list = field(default_factory=list)

    def add(self, product):
        self.products[product.sku] = product

    def restock(self, sku, qty):
        self.products[sku].stock += qty
        self.history.append(("restock", sku, qty))

    def sell(self, sku, qty):
        p = self.products[sku]
        if qty > p.stock:
            raise ValueError(f"only {p.stock} {p.name} left")
        p.stock -= qty
        self.history.append(("sell", sku, qty))
        return qty * p.price

    def value(self):
        return sum(p.price * p.stock for p in self.products.values())


inv = Inventory()
inv.add(Product("A1", "pen", 1.2, 100))
inv.add(Product("B2", "notebook", 3.5))
inv.restock("B2", 20)
print(f"sold for {inv.sell('A1', 30):.2f}")
try:
    inv.sell("B2", 25)
except ValueError as e:
    print("cannot sell:", e)
print(f"stock value {inv.value():.2f}")
moved = defaultdict(int)
for action, sku, qty in inv.history:
    moved[action] += qty
print(dict(moved), inv.products["A1"])
