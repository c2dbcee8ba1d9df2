def describe(name, *args, sep=", ", **kwargs):
    parts = [name] + [str(a) for a in args] + [f"{k}={v}" for k, v in sorted(kwargs.items())]
    return sep.join(parts)
print(describe("a"), describe("b", 1, 2), describe("c", x=1, y=2), describe("d", 1, sep="|", z=0))
nums = [3, 1, 2]
opts = {"sep": "-", "flag": True}
print(describe("e", *nums, **opts), describe(*["f", "g"], **{"h": 1}))
def kwonly(a, b=2, *, c, d=4):
    return a, b, c, d
print(kwonly(1, c=3), kwonly(1, 5, c=6, d=7))
try:
    kwonly(1, 2, 3)
except TypeError as e:
    print("TypeError:", e)
def posonly(a, b, /, c):
    return a + b + c
print(posonly(1, 2, c=3))
try:
    posonly(a=1, b=2, c=3)
except TypeError as e:
    print("TypeError:", e)
def append_bad(x, lst=[]):
    lst.append(x)
    return lst
print(append_bad(1), append_bad(2), append_bad.__defaults__)
def append_good(x, lst=None):
    if lst is None:
        lst = []
    lst.append(x)
    return lst
print(append_good(1), append_good(2))
first, *middle, last = range(6)
print(first, middle, last)
(a, b), c = (1, 2), 3
print(a, b, c, [*"ab", *range(2)], {**{"x": 1}, "y": 2}, {*"aab"} == {"a", "b"})
if (n := len(middle)) > 2:
    print("walrus", n)
def stats(*values):
    if not values:
        raise ValueError("no values")
    return min(values), max(values), sum(values) / len(values)
print(stats(4, 8, 15, 16, 23, 42))
lo, hi, mean = stats(*range(1, 11))
print(lo, hi, mean)
print(max(3, 7, key=lambda v: -v), sorted([("b", 2), ("a", 2), ("c", 1)], key=lambda p: (p[1], p[0])))
f = lambda *a, **k: (a, k)
print(f(1, 2, x=3))
def command(cmd):
    match cmd.split():
        case ["go", direction]:
            return f"going {direction}"
        case ["take", *items] if items:
            return f"taking {', '.join(items)}"
        case ["quit" | "exit"]:
            return "bye"
        case _:
            return "unknown"
print([command(c) for c in ("go north", "take lamp key", "exit", "dance", "take")])
