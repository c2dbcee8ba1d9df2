numbers = [1, 2, 2, 3, 4, 4, 4, 5, 6, 6]

unique_squares = {n * n for n in numbers}
print(sorted(unique_squares))
print(len(unique_squares), 16 in unique_squares)

remainders = {n % 3 for n in range(100)}
print(remainders)

a = {x for x in range(10) if x % 2 == 0}
b = {x for x in range(10) if x % 3 == 0}
print(sorted(a & b), sorted(a | b), sorted(a - b), sorted(a ^ b))

words = "the quick brown fox jumps over the lazy dog".split()
first_letters = {w[0] for w in words}
print(sorted(first_letters))
print(len({len(w) for w in words}))
fs = frozenset(x % 4 for x in range(20))
print(sorted(fs), type(fs).__name__)
