from enum import Enum, auto


class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3


class Status(Enum):
    PENDING = auto()
    RUNNING = auto()
    DONE = auto()


print(Color.RED, repr(Color.GREEN), Color(3).name, Color["BLUE"].value)
print([c.name for c in Color], len(Color))
print(Status.DONE.value, Status.RUNNING is Status(2))
print(Color.RED == 1, isinstance(Color.RED, Color))
transitions = {Status.PENDING: Status.RUNNING, Status.RUNNING: Status.DONE}
s = Status.PENDING
while s in transitions:
    print(s.name, "->", transitions[s].name)
    s = transitions[s]
