# What gc.get_referents lists, in the order CPython's traverse functions
# visit: a list's and a tuple's items from the last, a dict's values before
# its keys (unless every key is a str), a set's table in order.
import gc

class Node:
    def __init__(self, name):
        self.name = name

a, b, c = Node("a"), Node("b"), Node("c")
print([x.name for x in gc.get_referents([a, b, c])])
print([x.name for x in gc.get_referents((a, b, c))])
pair = (a, None)
print([type(x).__name__ for x in gc.get_referents(pair)])
print(gc.get_referents({1: "one", 2.5: "two and a half", None: 0}))
print(gc.get_referents({"x": 1, "y": 2}))
print(gc.get_referents([1, 2], (3, 4), [5]))
print(sorted(gc.get_referents({10, 20, 30})))
holders = [type(r).__name__ for r in gc.get_referrers(a) if r is not globals()]
print(sorted(holders))
nested = [[1], (2,), {"k": [3]}]
print([type(x).__name__ for x in gc.get_referents(nested)])
print(len(gc.get_referents(a)), len(gc.get_referents(a.__dict__)))
