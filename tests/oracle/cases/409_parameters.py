# Every kind of parameter: defaults, keyword-only, positional-only, *args, **kwargs.
import sys


def connect(host, port=8080, /, timeout=10, *, retries=3, **options):
    return host, port, timeout, retries, sorted(options)


print(connect("a"))
print(connect("a", 1, 2, retries=5, tls=True, verbose=False))
print(connect("a", timeout=1))
for bad in (lambda: connect(host="a"), lambda: connect("a", port=1), lambda: connect("a", 1, 2, 3)):
    try:
        bad()
    except TypeError as err:
        print("TypeError:", err)


def tag(name, /, **attrs):
    return name, attrs


print(tag("p", name="x", id=3))

marker = object()


def with_default(value=marker, *, flag=marker):
    return sys.getrefcount(marker)


print(sys.getrefcount(marker), with_default(), with_default(1), with_default(flag=2))
print(with_default.__defaults__ == (marker,), sys.getsizeof(with_default.__defaults__))


def append_to(item, target=[]):
    target.append(item)
    return target


print(append_to(1), append_to(2), append_to.__defaults__)


def append_fixed(item, target=None):
    if target is None:
        target = []
    target.append(item)
    return target


print(append_fixed(1), append_fixed(2))


def order(a, b, /, c, d=4, *rest, e, f=6, **more):
    return a, b, c, d, rest, e, f, more


print(order(1, 2, 3, e=5))
print(order(1, 2, 3, 4, 7, 8, e=5, g=9))
try:
    order(1, 2, 3)
except TypeError as err:
    print("TypeError:", err)


class Vector:
    def __init__(self, x, y, /):
        self.x, self.y = x, y

    def scaled(self, factor, /, *, round_to=None):
        x, y = self.x * factor, self.y * factor
        if round_to is not None:
            x, y = round(x, round_to), round(y, round_to)
        return Vector(x, y)


v = Vector(1.5, 2.25).scaled(3, round_to=1)
print(v.x, v.y)
try:
    Vector(x=1, y=2)
except TypeError as err:
    print("TypeError:", err)

print(with_default.__kwdefaults__ == {"flag": marker}, sys.getsizeof(with_default.__kwdefaults__))
print(order.__defaults__, order.__kwdefaults__, connect.__kwdefaults__)


def make_formatter():
    def fmt(value, width=8, fill="."):
        return fill * (width - len(str(value))) + str(value)
    return fmt


first, second = make_formatter(), make_formatter()
print(first(42), first.__defaults__ is second.__defaults__, sys.getrefcount(first.__defaults__))
