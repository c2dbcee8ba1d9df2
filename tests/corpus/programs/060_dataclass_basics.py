from dataclasses import dataclass, field, asdict, astuple


@dataclass
class Item:
    name: str
    price: float
    quantity: int = 1
    tags: list = field(default_factory=list)

    @property
    def total(self):
        return self.price * self.quantity


apple = Item("apple", 0.5, 6)
pear = Item("pear", 0.75, tags=["fruit"])
print(apple)
print(pear, pear.total)
print(apple == Item("apple", 0.5, 6))
print(asdict(pear))
print(astuple(apple))
apple.quantity += 4
print(apple.total)
print(Item.__init__.__name__, list(Item.__dataclass_fields__))
