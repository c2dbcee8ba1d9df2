from collections import defaultdict

words = ["apple", "bat", "bar", "atom", "book", "cat", "axe"]
by_letter = defaultdict(list)
for w in words:
    by_letter[w[0]].append(w)
print(dict(by_letter))
print(by_letter["z"], len(by_letter))

counts = defaultdict(int)
for ch in "mississippi":
    counts[ch] += 1
print(dict(counts))

tree = lambda: defaultdict(tree)
root = tree()
root["a"]["b"]["c"] = 1
root["a"]["x"] = 2
print(root["a"]["b"]["c"], sorted(root["a"]))

graph = defaultdict(set)
for a, b in [(1, 2), (1, 3), (2, 3), (3, 1)]:
    graph[a].add(b)
print({k: sorted(v) for k, v in graph.items()})
print(defaultdict(int).default_factory, repr(defaultdict(list, {"k": [1]})))
