# How many new container objects do map, filter and the dict views cost the
# collector's youngest generation?  Counted as a memory tutorial would.
import gc

prices = {"tea": 3, "cake": 5, "soup": 7, "bread": 2}
gc.collect()
before = gc.get_count()[0]
for name, price in prices.items():
    pass
print("items():", gc.get_count()[0] - before)

gc.collect()
before = gc.get_count()[0]
for pair in prices.items():
    pass
print("items() kept in a name:", gc.get_count()[0] - before)

gc.collect()
before = gc.get_count()[0]
for name, price in reversed(prices.items()):
    pass
print("reversed items():", gc.get_count()[0] - before)

gc.collect()
before = gc.get_count()[0]
doubled = list(map(lambda p: p * 2, prices.values()))
print("map:", gc.get_count()[0] - before, doubled)

gc.collect()
before = gc.get_count()[0]
cheap = list(filter(lambda name: prices[name] < 5, prices))
print("filter:", gc.get_count()[0] - before, cheap)

gc.collect()
before = gc.get_count()[0]
for x in map(str, range(100)):
    pass
print("map over range:", gc.get_count()[0] - before)

gc.collect()
before = gc.get_count()[0]
rows = [(1, "a"), (2, "b"), (3, "c")]
for n, ch in map(tuple, rows):
    pass
print("map(tuple):", gc.get_count()[0] - before)
