# Comparing two very deep nested lists raises RecursionError, as CPython does.
def nest(n):
    a = []
    for _ in range(n):
        a = [a]
    return a


a, b = nest(100000), nest(100000)
try:
    print(a == b)
except RecursionError as e:
    print("RecursionError:", e)
print(a == a, nest(50) == nest(50), nest(50) == nest(49))
x = float("nan")
print(x == x, [x] == [x], [x].count(x), [1, x].index(x))
try:
    [nest(100000)].count(nest(100000))
except RecursionError as e:
    print("count:", e)
try:
    (1, 2).index(3)
except ValueError as e:
    print(e)
