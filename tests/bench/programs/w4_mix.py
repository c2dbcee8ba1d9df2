# Workload 4 of make bench: method calls, attribute access, counting in a
# dict and a list comprehension, as everyday code mixes them.
class Tally:
    def __init__(self):
        self.counts = {}
        self.seen = 0

    def add(self, key):
        self.counts[key] = self.counts.get(key, 0) + 1
        self.seen += 1


kinds = ["int", "str", "list", "dict", "tuple", "set", "float"]
tally = Tally()
for i in range(120000):
    tally.add(kinds[i % 7])
weights = [tally.counts[k] * len(k) for k in kinds for j in range(5000)]
print(tally.seen, tally.counts["dict"], sum(weights))
