import gc
import sys

numbers = list(range(1000))
squares_list = [n * n for n in numbers]
squares_gen = (n * n for n in numbers)

print("list:", sys.getsizeof(squares_list))
print("generator:", sys.getsizeof(squares_gen))
print(type(squares_gen).__name__, squares_gen.__name__, gc.is_tracked(squares_gen))

# The generator expression holds an iterator over numbers, not a copy.
print(sys.getrefcount(numbers))
pending = (n for n in numbers if n % 7 == 0)
print(sys.getrefcount(numbers))
print(next(pending), next(pending), next(pending))
del pending
print(sys.getrefcount(numbers))

print(sum(squares_gen))
print(sum(squares_gen))   # exhausted: nothing left to add

words = ["memory", "model", "deep", "dive", "python"]
print(max(len(w) for w in words), min(len(w) for w in words))
print(sorted(w.upper() for w in words if "e" in w))
print(tuple(w[0] for w in words))
print(set(len(w) for w in words) == {4, 5, 6})
print(", ".join(w.upper() for w in words))
print(list(c for w in words for c in w if c in "aeiou"))
print(dict((w, len(w)) for w in words))

# Sizes of generator expressions of different shapes.
print(sys.getsizeof(x for x in words))
print(sys.getsizeof(x * y for x in range(3) for y in range(3)))
print(sys.getsizeof((w, i) for i, w in enumerate(words) if i % 2))

# Membership consumes the generator only up to the match.
g = (n for n in range(10))
print(5 in g, next(g), 3 in g)

# A generator expression as the only argument needs no extra parentheses.
print(sum(n for n in range(101)))

# Chained lazily: nothing runs until the first next().
def noisy(seq):
    for item in seq:
        print("  producing", item)
        yield item

doubled = (x * 2 for x in noisy([1, 2, 3]))
print("built")
print(next(doubled))
print(list(doubled))

# Unpacking runs a generator to its end.
a, b, c = (x + 1 for x in range(3))
print(a, b, c)
try:
    a, b = (x for x in range(3))
except ValueError as e:
    print("ValueError:", e)
print(gc.collect())
