# Grouping words by first letter, in the order the letters were first
# seen, with setdefault; removing duplicates while keeping order with
# OrderedDict.fromkeys; and pop with a default, by position and keyword.
import sys
from collections import OrderedDict

text = "the quick brown fox jumps over the lazy dog then the fox sleeps"
groups = OrderedDict()
for word in text.split():
    groups.setdefault(word[0], []).append(word)
print(list(groups))
for letter, words in groups.items():
    print(letter, words)
unique = list(OrderedDict.fromkeys(text.split()))
print(unique, len(unique))
seen = OrderedDict.fromkeys("mississippi")
print("".join(seen), sys.getsizeof(seen))
print(groups.pop("t"), groups.pop("z", "none"), groups.pop(key="q"), groups.pop(key="x", default=[]))
print(groups.setdefault(key="n", default=["new"]), groups.setdefault("b"), list(groups))
try:
    groups.pop("t")
except KeyError as e:
    print("KeyError", e)
first, firsts = groups.popitem(last=False)
print(first, firsts, len(groups), sys.getsizeof(groups))
