# The Ellipsis constant: stubs, placeholders and a sentinel.
import gc
import sys


def todo():
    ...


class Shape:
    def area(self):
        ...


print(todo(), Shape().area())
print(..., repr(...), type(...).__name__, ... is Ellipsis)
print(sys.getsizeof(...), gc.is_tracked(...), bool(...))
print(sys.getrefcount(...) > 1000000)

MISSING = ...


def lookup(table, key, default=...):
    value = table.get(key, ...)
    if value is ...:
        if default is ...:
            return "no " + key
        return default
    return value


table = {"a": 1}
print(lookup(table, "a"), lookup(table, "b"), lookup(table, "b", 0))
placeholders = [..., ..., ...]
print(placeholders, placeholders.count(...), {...: "dots"}[...])
print((..., 1) == (Ellipsis, 1), MISSING is ...)
