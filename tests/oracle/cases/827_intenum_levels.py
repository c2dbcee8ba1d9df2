import sys, gc
from enum import IntEnum, Enum, auto
class Level(IntEnum):
    LOW = 1
    MID = auto()
    HIGH = 10
print(Level.LOW, repr(Level.MID), str(Level.HIGH), format(Level.HIGH), f"{Level.LOW}", f"{Level.LOW:>5}")
print(Level.LOW + 1, Level.HIGH * 2, Level.LOW < Level.HIGH, Level.MID == 2, Level(10), Level["MID"])
print(isinstance(Level.LOW, int), type(Level.LOW), list(Level), len(Level), sorted([Level.HIGH, Level.LOW]))
print(sys.getsizeof(Level.LOW), gc.is_tracked(Level.LOW), hash(Level.LOW) == hash(1), Level.LOW.value, Level.LOW.name)
print({Level.LOW: "a"}[1], int(Level.HIGH), Level.HIGH // 3, -Level.LOW, abs(Level.LOW), Level.HIGH.bit_length())
print("%d %s %r" % (Level.MID, Level.MID, Level.MID), "{}".format(Level.MID), max(Level))
