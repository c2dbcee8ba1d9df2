# Starred assignment: the list that catches the rest.
import sys

first, *middle, last = [1, 2, 3, 4, 5]
print(first, middle, last, sys.getsizeof(middle))
head, *tail = "python"
print(head, tail, sys.getsizeof(tail))
*init, end = range(6)
print(init, end, sys.getsizeof(init))
a, *b = (1,)
print(a, b, sys.getsizeof(b))
*everything, = [7, 8, 9]
print(everything, sys.getsizeof(everything))
x, y, *rest = {"k1": 1, "k2": 2, "k3": 3, "k4": 4}
print(x, y, rest)
records = [("ada", 36, "london", "math"), ("alan", 41, "wilmslow", "logic", "crypto")]
for name, age, *details in records:
    print(name, age, details, sys.getsizeof(details))

big = list(range(100))
lo, *mid, hi = big
print(lo, hi, len(mid), sys.getsizeof(mid))

token = object()
seq = [token, token, token]
one, *others = seq
print(sys.getrefcount(token), sys.getrefcount(others))
del one, others
print(sys.getrefcount(token))

try:
    p, q, *r = [1]
except ValueError as err:
    print("ValueError:", err)
try:
    p, *q, r = 5
except TypeError as err:
    print("TypeError:", err)
