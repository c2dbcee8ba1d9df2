stock = {"apples": 3, "pears": 0}
stock.update({"plums": 7}, kiwis=2)
print(stock)
print(stock.setdefault("apples", 100), stock.setdefault("figs", 1))
print(stock.pop("pears"), stock.pop("nothing", "default"))
print(stock.get("plums"), stock.get("grapes"), stock.get("grapes", 0))
print(list(stock.keys()), list(stock.values()))
for fruit, n in stock.items():
    print(" ", fruit, n)
print(stock.popitem(), len(stock))
merged = {**stock, "apples": 10, "new": 1}
print(merged)
print(sorted(stock.keys() & {"apples", "plums", "x"}))
print(sorted(merged.keys() - stock.keys()))
try:
    stock["grapes"]
except KeyError as e:
    print("KeyError:", e)
counts = dict.fromkeys(["a", "b"], 0)
counts["a"] += 1
print(counts, dict(zip("xy", [1, 2])), dict([("k", "v")]))
print(stock | {"z": 26})
