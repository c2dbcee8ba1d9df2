# The itertools a tutorial reaches for first: counting, slicing an endless
# iterator, chaining, cycling, running totals, and the combinatorics.
import itertools
from itertools import accumulate, chain, count, cycle, islice, repeat

print(list(islice(count(1), 5)))
print(list(islice(count(10, 5), 3)), list(islice(count(0.5, 0.25), 3)))
evens = (n for n in count() if n % 2 == 0)
print(list(islice(evens, 4)))
print(list(islice("abcdefg", 2, 6, 2)), list(islice(range(10), None, None, 3)))

colors = cycle(["red", "green"])
for day in ["mon", "tue", "wed"]:
    print(day, next(colors))

print(list(chain([1, 2], (3,), "ab")))
nested = [[1, 2], [3], [], [4, 5]]
print(list(chain.from_iterable(nested)), list(chain(*nested)))
print(list(repeat("hi", 3)), list(map(pow, range(4), repeat(2))))

sales = [3, 5, 2, 8]
print(list(accumulate(sales)), list(accumulate(sales, max)), list(accumulate(sales, initial=100)))
print(list(accumulate(sales, lambda a, b: a * b)))

print(list(itertools.product("ab", [0, 1])))
print(list(itertools.product([0, 1], repeat=3))[:4])
print(list(itertools.permutations("abc", 2)))
print(list(itertools.combinations([1, 2, 3, 4], 3)))
print(list(itertools.combinations_with_replacement("xy", 2)))
print(len(list(itertools.permutations(range(5)))))

print(list(itertools.zip_longest("abcd", [1, 2], fillvalue=0)))
print(list(itertools.starmap(divmod, [(7, 2), (9, 4)])))
print(list(itertools.takewhile(lambda t: t < 20, [5, 12, 25, 3])))
print(list(itertools.dropwhile(lambda t: t < 20, [5, 12, 25, 3])))
print(list(itertools.filterfalse(lambda n: n % 3, range(10))))
print(list(itertools.compress("ABCDEF", [1, 0, 1, 0, 1, 1])))
print(list(itertools.pairwise([1, 4, 9, 16])))
