# Word frequencies with collections.Counter, the way tutorials count words:
# the most common words, a missing word counts zero, and what a Counter
# costs next to the plain dict it is built on.
import gc
import sys
from collections import Counter

text = """It was the best of times it was the worst of times it was the age of
wisdom it was the age of foolishness it was the epoch of belief"""

gc.collect()
words = text.lower().split()
counts = Counter(words)
print(counts.most_common(3))
print(counts["it"], counts["was"], counts["dickens"], "dickens" in counts, len(counts))
print(type(counts).__name__, isinstance(counts, dict), type(counts).__mro__)
print("Counter:", sys.getsizeof(counts), "bytes; dict(counts):", sys.getsizeof(dict(counts)), "bytes")
print("empty:", sys.getsizeof(Counter()), sys.getsizeof({}), gc.is_tracked(Counter()), gc.is_tracked({}))
print(sys.getrefcount(counts), counts.total(), sum(counts.values()))

letters = Counter("mississippi")
print(letters)
print(letters.most_common(), letters.most_common(1), letters.most_common(0))
print(sorted(letters.elements()))
print("".join(letters.elements()))
letters.update("missouri")
print(letters)
letters.subtract({"s": 10, "z": 1})
print(letters, letters.total())
letters["m"] += 5
del letters["i"]
del letters["not there"]
print(letters, len(letters))
print(str(Counter()), repr(Counter(a=0)))

inventory = Counter(apples=3, pears=0, plums=-2)
inventory.update(apples=2, figs=1)
print(inventory, list(inventory), list(inventory.values()))
print(inventory.copy() == inventory, inventory.copy() is inventory, type(inventory.copy()).__name__)
print(gc.collect())
del words, counts, letters, inventory
print(gc.collect())
