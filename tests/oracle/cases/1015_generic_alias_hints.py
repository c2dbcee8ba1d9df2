# Type hints with the built-in containers: list[int], dict[str, float] and
# tuple[int, ...] are real objects (types.GenericAlias), made when the
# def statement runs and kept in __annotations__.
import gc
import sys

Grid = list[list[int]]
Scores = dict[str, float]


def average(scores: Scores) -> float:
    return sum(scores.values()) / len(scores)


def transpose(grid: Grid) -> Grid:
    return [list(row) for row in zip(*grid)]


def first_and_rest(values: tuple[int, ...]) -> tuple[int, tuple[int, ...]]:
    return values[0], values[1:]


print(average({"ana": 9.5, "bo": 7.0}))
print(transpose([[1, 2, 3], [4, 5, 6]]))
print(first_and_rest((3, 1, 4, 1)))
print(average.__annotations__)
print(transpose.__annotations__["return"], first_and_rest.__annotations__)
print(Grid, Scores, type(Grid), tuple[()], set[frozenset[str]], type[int], list["Point"])

alias = dict[str, list[int]]
print(alias.__origin__, alias.__args__, alias.__args__[1].__origin__)
print("size:", sys.getsizeof(alias), sys.getsizeof(list[int]), "tracked:", gc.is_tracked(alias))
print("refcount:", sys.getrefcount(alias))
print(list[int] == list[int], list[int] is list[int], list[int] == list, list[int] != list[str])
print(hash(list[int]) == hash(list[int]), list[int] in [dict[str, int], list[int]])
print(list[int]([1, 2, 3]), dict[str, int](a=1), tuple[int, ...]((1, 2)))

for check in (lambda: isinstance([], list[int]), lambda: issubclass(list, list[int])):
    try:
        check()
    except TypeError as e:
        print("TypeError:", e)


class Inventory:
    items: list[str]
    counts: dict[str, int] = {}

    def add(self, name: str, n: int = 1) -> None:
        self.counts[name] = self.counts.get(name, 0) + n


inv = Inventory()
inv.add("apple", 3)
inv.add("pear")
print(Inventory.__annotations__, inv.counts)


class Stack(list):
    pass


print(Stack[int], list[Stack], Stack[int].__origin__ is Stack)
print(enumerate[str], type(enumerate[str]).__name__ == type(list[int]).__name__)
