# Ordered dataclasses compare only with their own kind.
from dataclasses import dataclass


@dataclass(order=True)
class Score:
    points: int
    player: str


@dataclass
class Plain:
    points: int


a = Score(10, "ann")
b = Score(10, "bob")
print(a < b, a <= b, a > b, a >= b, a == b)
print(sorted([b, a, Score(3, "cy")]))
try:
    print(a < 5)
except TypeError as e:
    print("TypeError:", e)
try:
    print(Plain(1) < Plain(2))
except TypeError as e:
    print("TypeError:", e)
print(Plain(1) == Plain(1), Plain(1) == Score(1, "x"), Plain(2) != Plain(1))
