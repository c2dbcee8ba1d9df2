# Every itertools object is its own type with its own size; the
# combinatoric ones also count the index arrays they allocate.
import gc
import itertools
import sys

made = [itertools.count(), itertools.repeat(7), itertools.repeat(7, 2), itertools.cycle("ab"),
        itertools.chain([1]), itertools.chain.from_iterable([[1]]), itertools.islice("abc", 2),
        itertools.accumulate([1, 2]), itertools.starmap(pow, [(1, 2)]),
        itertools.takewhile(bool, [1]), itertools.dropwhile(bool, [1]),
        itertools.filterfalse(None, [1]), itertools.compress("ab", [1, 0]),
        itertools.zip_longest("ab", "c"), itertools.pairwise("abc"), itertools.groupby("aab")]
for obj in made:
    print(type(obj).__name__, sys.getsizeof(obj), gc.is_tracked(obj))

for pools in [["ab"], ["ab", "cd"], ["ab", "cd", "ef"]]:
    print("product", len(pools), sys.getsizeof(itertools.product(*pools)))
print("product repeat=4", sys.getsizeof(itertools.product("ab", repeat=4)))
for r in [1, 2, 3]:
    print("permutations", r, sys.getsizeof(itertools.permutations("abcd", r)))
    print("combinations", r, sys.getsizeof(itertools.combinations("abcd", r)))
    print("with replacement", r, sys.getsizeof(itertools.combinations_with_replacement("abcd", r)))
print(itertools.count, itertools.groupby, type(itertools.chain.from_iterable([])))
print(itertools.count.__name__, type(itertools.islice([], 1)).__name__)
try:
    itertools.islice([], -1)
except ValueError as e:
    print(e)
try:
    itertools.combinations("ab", -1)
except ValueError as e:
    print(e)
try:
    itertools.count("a")
except TypeError as e:
    print(e)
