# How many comparisons does sorted() make?  A class that counts its own
# __lt__ calls, sorted in a few shapes of input: random, already sorted,
# reversed, and runs glued together.  Timsort finds the runs and merges
# them, galloping where one side keeps winning.
import random
from dataclasses import dataclass


class Counted:
    comparisons = 0

    def __init__(self, value):
        self.value = value

    def __lt__(self, other):
        Counted.comparisons += 1
        return self.value < other.value


def count_sort(values):
    Counted.comparisons = 0
    result = sorted(Counted(v) for v in values)
    assert [c.value for c in result] == sorted(values)
    return Counted.comparisons


random.seed(2024)
shuffled = [random.randrange(10_000) for _ in range(500)]
print("random 500:", count_sort(shuffled))
print("sorted 500:", count_sort(range(500)))
print("reversed 500:", count_sort(range(500, 0, -1)))
glued = list(range(300)) + list(range(150)) + list(range(1000, 700, -1))
print("three runs:", count_sort(glued))
print("few distinct:", count_sort([random.choice("abc") for _ in range(200)]))


@dataclass(order=True)
class Task:
    priority: int
    name: str


tasks = [Task(random.randrange(5), f"task-{i}") for i in range(120)]
tasks.sort()
print(tasks[0], tasks[-1])
print([t.name for t in tasks[:5]])


class Fragile:
    calls = 0

    def __init__(self, value):
        self.value = value

    def __lt__(self, other):
        Fragile.calls += 1
        if Fragile.calls == 400:
            raise RuntimeError("comparison failed")
        return self.value < other.value


fragile = [Fragile(v) for v in shuffled[:150]]
try:
    fragile.sort()
except RuntimeError as err:
    print("sort stopped:", err, "after", Fragile.calls, "comparisons")
print("first ten now:", [f.value for f in fragile[:10]])
