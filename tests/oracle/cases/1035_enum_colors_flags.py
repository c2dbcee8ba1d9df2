from enum import Enum, IntEnum, auto, Flag
class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
print(Color.RED, repr(Color.GREEN), Color(3), Color['BLUE'])
print([c.name for c in Color], len(Color), Color.RED in Color)
class Weekday(IntEnum):
    MON = auto()
    TUE = auto()
    WED = auto()
print(Weekday.TUE + 1, Weekday.WED > Weekday.MON, list(Weekday))
class Perm(Flag):
    R = auto()
    W = auto()
    X = auto()
rw = Perm.R | Perm.W
print(rw, Perm.R in rw, Perm.X in rw, bool(Perm.R & Perm.X))
for c in Color:
    print(c.value, c.name)
print(Color.RED is Color(1), Color.RED == 1)
