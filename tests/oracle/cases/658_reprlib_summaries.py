# Logging big structures without flooding the screen: reprlib.repr keeps
# the first few items of each container and the ends of long strings.
import reprlib
from array import array
from collections import deque

readings = [round(i * 0.1, 1) for i in range(1000)]
print(len(repr(readings)), reprlib.repr(readings))
users = {name: {"id": i, "tags": ["a", "b", "c", "d", "e", "f", "g"]} for i, name in enumerate(["ann", "bob", "cy", "dee", "eve"])}
print(reprlib.repr(users))
log_line = "2024-01-01 12:00:00 INFO " + "request handled " * 20
print(reprlib.repr(log_line), len(reprlib.repr(log_line)))
print(reprlib.repr(10 ** 60), reprlib.repr(-(10 ** 45)), reprlib.repr(12345))
nested = [1, [2, [3, [4, [5, [6, [7, [8]]]]]]]]
print(reprlib.repr(nested))
print(reprlib.repr((1,)), reprlib.repr(tuple("abcdefgh")), reprlib.repr([]), reprlib.repr({}))
print(reprlib.repr(set(range(3, 30, 3))), reprlib.repr(frozenset({5, 1, 3})), reprlib.repr({3, "x"}) != "")
print(reprlib.repr(deque("hello world")), reprlib.repr(array("d", [1.5] * 9)))


class Order:
    def __init__(self, number, items):
        self.number = number
        self.items = items

    def __repr__(self):
        return "Order(number=%d, items=%r)" % (self.number, self.items)


orders = [Order(n, ["apple"] * n) for n in range(1, 9)]
print(reprlib.repr(orders))
print(reprlib.repr(Order(1, [])), repr(Order(1, [])))
print(reprlib.repr(3.141592653589793238), reprlib.repr(None), reprlib.repr(b"\x00\x01" * 40))
print(reprlib.repr("it's \"quoted\" " * 5))
