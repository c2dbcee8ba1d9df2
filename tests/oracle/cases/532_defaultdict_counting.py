# Counting words with defaultdict(int), grouping with a lambda factory,
# and what happens without a factory.
import sys
import gc

gc.collect()  # a known state for the import's collections
from collections import defaultdict

text = """the quick brown fox jumps over the lazy dog the fox and the dog
are friends and the quick dog runs"""

counts = defaultdict(int)
for word in text.split():
    counts[word] += 1
print(counts)
print(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:3])
print(len(counts), sys.getsizeof(counts), counts["cat"], len(counts))

by_length = defaultdict(lambda: "none")
for word in sorted(counts):
    if len(word) in by_length:
        by_length[len(word)] += " " + word
    else:
        by_length[len(word)] = word
print(dict(by_length))
print(by_length[9], len(by_length))

nested = defaultdict(lambda: defaultdict(int))
for word in text.split():
    nested[word[0]][word] += 1
print(sorted((k, dict(v)) for k, v in nested.items())[:3])

strict = defaultdict(None, {"a": 1})
print(strict, strict.default_factory)
try:
    strict["b"]
except KeyError as e:
    print("KeyError:", e)
strict.default_factory = list
print(strict["b"], strict)
try:
    defaultdict("not callable")
except TypeError as e:
    print("TypeError:", e)
try:
    counts.colour = "red"
except AttributeError as e:
    print("AttributeError:", e)
try:
    {counts: 1}
except TypeError as e:
    print("TypeError:", e)
mixed = defaultdict(list, {"x": [1]}, y=[2])
print(mixed, sys.getsizeof(mixed))
del counts, by_length, nested
print(gc.collect())
