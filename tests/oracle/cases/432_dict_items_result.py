# dict.items() iterators reuse their (key, value) tuple too: what
# sys.getrefcount shows of the tuples a loop over items() gives.
import sys

stock = {"apples": 3, "pears": 0, "plums": 7}
it = iter(stock.items())
first = next(it)
print(first, sys.getrefcount(first))
del first
second = next(it)
print(second, sys.getrefcount(second))
for pair in stock.items():
    print(pair, sys.getrefcount(pair))
for name, count in stock.items():
    print(name, count)
print(list(stock.items()))
print(sorted(stock.items(), key=lambda kv: kv[1]))
items = iter(stock.items())
print(type(items).__name__, len(list(items)))
stock["figs"] = 1
try:
    for key, value in stock.items():
        stock[key + "!"] = value
except RuntimeError as e:
    print(e)
