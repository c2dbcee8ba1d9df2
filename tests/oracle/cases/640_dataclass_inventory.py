# A small inventory with dataclasses: generated __init__, __repr__, __eq__,
# defaults and a default_factory list per item.
import sys
from dataclasses import dataclass, field


@dataclass
class Product:
    name: str
    price: float
    quantity: int = 0
    tags: list = field(default_factory=list)

    def total(self):
        return self.price * self.quantity


apple = Product("apple", 0.5, 10)
pear = Product("pear", 0.75, quantity=4, tags=["fruit"])
plain = Product(name="bread", price=2.0)
print(apple)
print(pear)
print(plain)
print(apple.total(), pear.total())
print(apple == Product("apple", 0.5, 10), apple == pear, apple != pear)
print(apple.tags is plain.tags, apple.tags == plain.tags)
apple.tags.append("red")
print(apple.tags, plain.tags)
print(sys.getsizeof(apple), len(vars(apple)), sorted(vars(apple)))
print(Product.__init__.__name__, list(Product.__dataclass_fields__))
print(Product.__match_args__)
try:
    Product("x")
except TypeError as e:
    print("TypeError:", e)
try:
    Product("x", 1, 2, [], 5)
except TypeError as e:
    print("TypeError:", e)
try:
    Product("x", 1, colour="red")
except TypeError as e:
    print("TypeError:", e)
try:
    hash(apple)
except TypeError as e:
    print("TypeError:", e)
