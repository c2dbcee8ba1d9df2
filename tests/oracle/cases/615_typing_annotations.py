# Type hints the way tutorials write them: List, Dict, Optional, Union,
# Callable and Tuple in function signatures and class bodies, and what the
# annotations hold at run time (nothing is checked).
import gc
gc.collect()
from typing import Any, Callable, Dict, List, Optional, Tuple, Union


class Student:
    name: str
    grades: List[int]
    mentor: Optional["Student"]

    def __init__(self, name: str, grades: List[int]) -> None:
        self.name = name
        self.grades = grades
        self.mentor = None


def average(grades: List[int]) -> float:
    return sum(grades) / len(grades)


def report(students: Dict[str, Student], fmt: Callable[[str, float], str]) -> List[str]:
    return [fmt(name, average(s.grades)) for name, s in students.items()]


def parse(text: str) -> Union[int, float, None]:
    try:
        return int(text)
    except ValueError:
        return None


def span(values: List[float]) -> Tuple[float, float]:
    return min(values), max(values)


people = {"ada": Student("ada", [90, 85]), "bob": Student("bob", [70, 75, 80])}
print(report(people, lambda n, a: "%s: %.1f" % (n, a)))
print(parse("12"), parse("x"), span([3.5, 1.0, 2.0]))
print(average.__annotations__)
print(report.__annotations__)
print(parse.__annotations__["return"], span.__annotations__["return"])
print(Student.__annotations__)
print(Student.__init__.__annotations__)
print(List[int] is List[int], Optional[int] == Union[int, None], Union[int, int], Union[int, Union[str, float]])
print(Dict[str, Any], Tuple[()], Tuple[int, ...], Callable[..., None])
wrong: List[int] = "not a list"
print(wrong, __annotations__["wrong"])
gc.collect()
print(gc.get_count())
