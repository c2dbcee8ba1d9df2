# Counters as multisets: + - | & keep positive counts, the in-place forms
# change the Counter itself, and two Counters compare count by count.
from collections import Counter
import sys

stock = Counter(bolts=10, nuts=4, washers=0)
order = Counter(bolts=3, nuts=6, screws=2)
print(stock + order)
print(stock - order)
print(order - stock)
print(stock | order)
print(stock & order)
print(+Counter(a=2, b=0, c=-3), -Counter(a=2, b=0, c=-3))

before = stock
stock += Counter(nuts=1, rivets=5)
print(stock, stock is before)
stock -= {"bolts": 20}
print(stock)
stock |= Counter(nuts=9, pins=0)
print(stock)
stock &= Counter(nuts=2, rivets=10, pins=1)
print(stock, sys.getrefcount(stock))

print(Counter("aab") == Counter("aba"), Counter(a=1) == Counter(a=1, b=0))
print(Counter(a=1) != Counter(a=2), Counter(a=1) <= Counter(a=1, b=3), Counter(a=1) < Counter(a=1))
print(Counter(a=2) >= Counter(a=1), Counter(a=2) > Counter(a=2, b=0))
print(Counter(a=1) == {"a": 1}, {"a": 1} == Counter(a=1), Counter(a=1, b=0) == {"a": 1})
print(Counter(a=1) == 1, Counter(a=1) != "a")
merged = Counter(a=1) | {"b": 2}
print(type(merged).__name__, merged, {"b": 2} | Counter(a=1))

checks = [
    ("Counter + dict", lambda: Counter(a=1) + {"a": 1}),
    ("Counter < dict", lambda: Counter(a=1) < {"a": 1}),
    ("Counter * 2", lambda: Counter(a=1) * 2),
    ("mixed counts", lambda: Counter(a=1, b="x").most_common()),
    ("hash", lambda: hash(Counter())),
    ("Counter(3)", lambda: Counter(3)),
    ("lists", lambda: Counter([[1], [2]])),
    ("fromkeys", lambda: Counter.fromkeys("abc")),
    ("two args", lambda: Counter("a", "b")),
    ("most_common(1, 2)", lambda: Counter().most_common(1, 2)),
    ("total(1)", lambda: Counter().total(1)),
    ("~", lambda: ~Counter()),
]
for label, check in checks:
    try:
        check()
    except Exception as e:
        print(label, "->", type(e).__name__ + ":", e)
print(Counter(a=1, b="x"))
