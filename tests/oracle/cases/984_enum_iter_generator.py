# Iterating over an Enum class: EnumType.__iter__ returns a generator
# expression, so iter(Color) is a generator (with its frame), not a list
# iterator; list(Color) sizes its list from len(Color).
import enum
import sys


class Color(enum.Enum):
    RED = 1
    GREEN = 2
    BLUE = 3


def countdown():
    yield 1


it = iter(Color)
print(type(it).__name__, type(it) is type(countdown()))
print("generator size:", sys.getsizeof(it))
print(next(it), next(it))
print(list(it))
print("after the end:", sys.getsizeof(it))
rev = reversed(Color)
print(type(rev).__name__, [c.name for c in rev])
members = list(Color)
print(len(members), sys.getsizeof(members))
print(sys.getsizeof(tuple(Color)), sys.getsizeof([c for c in Color]))
print(sorted(Color, key=lambda c: -c.value))
for number, color in enumerate(Color, start=1):
    print(number, color.name, color.value)
