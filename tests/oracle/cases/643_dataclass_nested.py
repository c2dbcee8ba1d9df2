# Nested dataclasses turned into plain dicts and tuples, and a default
# factory that builds a fresh container for every order.
from dataclasses import dataclass, field, asdict, astuple


@dataclass
class Line:
    sku: str
    qty: int


@dataclass
class Order:
    number: int
    lines: list = field(default_factory=list)
    notes: dict = field(default_factory=dict)

    def __post_init__(self):
        self.notes["created"] = True


o1 = Order(1)
o2 = Order(2, [Line("a-1", 2), Line("b-7", 1)])
o1.lines.append(Line("z-9", 5))
print(o1)
print(o2)
d = asdict(o2)
print(d)
print(d["lines"][0] is o2.lines[0], type(d["lines"][0]).__name__)
print(astuple(o1))
print(o1.notes is o2.notes, o1.lines is o2.lines)
try:
    @dataclass
    class Bad:
        items: list = []
except ValueError as e:
    print("ValueError:", e)
