# What order does a set print in?  Its items' hashes decide it, and for
# numbers those are exact: the value modulo 2**61 - 1.
print({2**62, 0, 1, 2**61, 2**64 + 3})
print({1.5, 0.5, 2.5, 0.25, 3.75, -1.5})
print({(1, 2), (3, 4), (5, 6), (0, 0), (-1, 7)})
print({frozenset({1}), frozenset({2}), frozenset(), frozenset({1, 2})})
print({True, 2, 1.0, 3.0, 0, False})
print({-1, -2, -3, 7, 15, 23})
print(hash(1.5), hash(-0.1), hash(1e100), hash(float("-inf")), hash(2**100), hash(-(2**70)))
print(hash(frozenset({1, 2, 3})), hash((1.5, 2)), hash(frozenset()), hash(frozenset({frozenset({1})})))
print(hash(10**20) == hash(10**20 % (2**61 - 1)), hash(2**61 - 1), hash(-1))
prices = {19.99, 5.0, 7.25, 100.0, 0.99}
print(prices, sorted(prices))
points = {(x, y) for x in range(3) for y in range(2)}
print(points)
