# Tags as frozensets: hashable, shareable, and usable as dict keys.
import sys
import gc

tags = frozenset(["python", "memory", "gc"])
print(type(tags).__name__, len(tags), "gc" in tags, sys.getsizeof(tags), gc.is_tracked(tags))
print(frozenset(), sys.getsizeof(frozenset()), frozenset() == set(), frozenset(tags) is tags)
print(sys.getsizeof(frozenset(range(10))), sys.getsizeof(frozenset(range(100))))
print(sys.getsizeof(frozenset({n: n for n in range(6)})), sys.getsizeof(frozenset(set(range(30)))))
by_tags = {tags: "article 1", frozenset(["gc"]): "article 2"}
print(by_tags[frozenset(["gc", "memory", "python"])], len(by_tags), sys.getrefcount(tags))
numbers = frozenset([3, 1, 2])
print(numbers, numbers | {10}, {10} | numbers, numbers - {1}, numbers & {2, 9}, numbers ^ {1, 7})
print(type(numbers | {4}).__name__, type({4} | numbers).__name__, numbers == {1, 2, 3})
print({x * 8 for x in range(12)}, set([1, 9, 17, 25]))

active = {1, 2}
alias = active
active |= {3, 4}
active -= {1}
active ^= {2, 9}
print(active, alias is active, sys.getsizeof(active))
frozen = numbers
frozen |= {100}
print(frozen, numbers, frozen is numbers)

print(hash(7), hash(-1), hash(2**61 + 5), hash(3.0), hash((1, 2)), hash((1, (2, 3), -1)), hash(()))
try:
    numbers.add(4)
except AttributeError as e:
    print("AttributeError:", e)
try:
    frozenset([[1, 2]])
except TypeError as e:
    print("TypeError:", e)
print(gc.is_tracked(len), gc.is_tracked(str.upper))
hash({1, 2})
