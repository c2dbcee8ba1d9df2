# Dict views behave like sets: compare two inventories without copying keys by hand.
import sys
import gc

stock = {"apple": 3, "pear": 0, "fig": 7, "kiwi": 2}
prices = {"apple": 0.5, "fig": 2.0, "plum": 1.25}

in_both = stock.keys() & prices.keys()
print(sorted(in_both), type(in_both).__name__, sys.getsizeof(in_both), gc.is_tracked(in_both))
print("all:", sorted(stock.keys() | prices.keys()))
print("unpriced:", sorted(stock.keys() - prices.keys()))
print("in one only:", sorted(stock.keys() ^ prices.keys()))
print(sorted(stock.keys() & {"fig", "plum", "nut"}), sorted({"fig", "x"} & stock.keys()))
print(sorted(stock.keys() - ["apple"]), sorted(["apple", "zzz"] - stock.keys()))
print(sorted(stock.items() & {("fig", 7), ("pear", 1)}), sorted(stock.items() - {("pear", 0)}))
print(("fig", 7) in stock.items(), ("fig", 8) in stock.items(), 7 in stock.values(), "fig" in stock.values())

k = stock.keys()
k |= {"new"}                      # no in-place form: k becomes a set
print(type(k).__name__, sorted(k))
print(stock.keys() == {"apple", "pear", "fig", "kiwi"}, stock.keys() == ["apple"], stock.keys() != prices.keys())
try:
    stock.values() & {1}
except TypeError as e:
    print("TypeError:", e)
try:
    stock.keys() & 5
except TypeError as e:
    print("TypeError:", e)

squares = {i: i * i for i in range(20)}
small = squares.keys() & set(range(5))
print(small, sys.getsizeof(small), sys.getsizeof(squares.keys() | set()), squares.keys() & {3, 100})
print(sys.getrefcount(stock), sys.getrefcount(k))
