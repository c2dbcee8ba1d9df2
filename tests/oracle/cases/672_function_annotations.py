# Type hints on functions and methods: the tuple MAKE_FUNCTION keeps, the
# dict __annotations__ makes of it when first read, keyword-only and
# positional-only parameters in CPython's order.
import sys, gc


def area(width: float, height: float) -> float:
    return width * height


def greet(name: str = "world", *, shout: bool = False) -> str:
    text = f"hello {name}"
    return text.upper() if shout else text


class Point:
    def __init__(self, x: int, y: int) -> None:
        self.x = x
        self.y = y

    def moved(self, dx: int = 0, dy: int = 0) -> "Point":
        return Point(self.x + dx, self.y + dy)


def first(items: list, default: "int | None" = None):
    return items[0] if items else default


print(area(2.0, 3.5), greet(), greet("ann", shout=True))
p = Point(1, 2).moved(dy=5)
print(p.x, p.y, first([]), first([4]))
print(area.__annotations__)
print(Point.moved.__annotations__, Point.__init__.__annotations__)
print(first.__annotations__)
print(sys.getsizeof(area.__annotations__), gc.is_tracked(greet.__annotations__))
print(greet.__annotations__["return"] is str, len(first.__annotations__))


def mixed(a: int, /, b: str, *args: float, c: bytes = b"", **kw: dict) -> list:
    return [a, b]


print(list(mixed.__annotations__))
gc.collect()
before = gc.get_count()[0]


def typed(n: int) -> int:
    return n


made = gc.get_count()[0] - before
ann = typed.__annotations__
print(made, gc.get_count()[0] - before, sys.getrefcount(ann), typed.__annotations__ is ann)


def plain(x, y=2):
    return x


print(plain.__annotations__, sys.getsizeof(plain.__annotations__))
def outer():
    Kind = int
    def mid():
        def inner(x: Kind) -> Kind:
            return x
        return inner
    return mid()
print(outer().__annotations__)
