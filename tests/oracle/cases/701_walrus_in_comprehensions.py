# Assignment expressions inside comprehensions bind in the scope around
# them: a function's local (through the closure) or a module global.
data = [3, 8, 1, 9, 4]
big = [y for x in data if (y := x * 2) > 6]
print(big, y)

def running_totals(values):
    total = 0
    sums = [total := total + v for v in values]
    return sums, total
print(running_totals([1, 2, 3, 4]))

import sys
def f():
    found = [m for w in ["apple", "kiwi", "banana"] if len(m := w.upper()) > 4]
    return found, m
print(f())

lines = ["a=1", "skip", "b=2"]
pairs = {k: v for line in lines if (p := line.split("=")) and len(p) == 2 for k, v in [p]}
print(pairs, p)

def g():
    return [[(last := x * r) for x in range(3)] for r in range(2)], last
print(g())

values = [5, 10, 15]
if any((hit := v) > 7 for v in values):
    print("first over 7:", hit)
print(all((low := v) < 12 for v in values), low)

def counter():
    n = 0
    def bump():
        nonlocal n
        return [(n := n + 1) for _ in range(3)]
    return bump(), n
print(counter())

