# Enums with richer values: tuples unpacked into __init__ (the Planet
# example of the docs), auto() numbering, aliases and @unique.
from enum import Enum, auto, unique


class Planet(Enum):
    MERCURY = (3.303e+23, 2.4397e6)
    VENUS = (4.869e+24, 6.0518e6)
    EARTH = (5.976e+24, 6.37814e6)

    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius

    @property
    def surface_gravity(self):
        G = 6.67300E-11
        return G * self.mass / (self.radius * self.radius)


for p in Planet:
    print(p.name, p.value, "%.2f" % p.surface_gravity)
print(Planet.EARTH.mass, Planet((3.303e+23, 2.4397e6)))
print(repr(Planet.VENUS))


class Size(Enum):
    SMALL = auto()
    MEDIUM = auto()
    LARGE = auto()
    XL = 10
    XXL = auto()


print(list(Size), Size.XXL.value)


class Status(Enum):
    ACTIVE = "active"
    INACTIVE = "inactive"
    ENABLED = "active"


print(list(Status), Status.ENABLED, Status("inactive"), repr(Status.ACTIVE))
print(Status.ENABLED is Status.ACTIVE, Status["ENABLED"].name)
try:
    @unique
    class Mistake(Enum):
        ONE = 1
        TWO = 2
        THREE = 3
        FOUR = 3
        UNO = 1
except ValueError as e:
    print("ValueError:", e)


@unique
class Fine(Enum):
    A = 1
    B = 2


print(Fine.B, Fine.B.value + 1)
try:
    Size(5)
except ValueError as e:
    print("ValueError:", e)
try:
    Status("gone")
except ValueError as e:
    print("ValueError:", e)
try:
    Size["HUGE"]
except KeyError as e:
    print("KeyError:", e)
try:
    class Bigger(Size):
        XXXL = 7
except TypeError as e:
    print("TypeError:", e)
try:
    Size.SMALL < Size.LARGE
except TypeError as e:
    print("TypeError:", e)
