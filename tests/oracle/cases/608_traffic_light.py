# A traffic light as an Enum: the states, their order, the next state, and
# a small simulation counting how long each light was on.
from enum import Enum
import sys


class Light(Enum):
    RED = 1
    GREEN = 2
    YELLOW = 3

    def next(self):
        order = list(Light)
        return order[(order.index(self) + 1) % len(order)]

    def seconds(self):
        return {Light.RED: 30, Light.GREEN: 25, Light.YELLOW: 5}[self]


state = Light.RED
print(state, repr(state), state.name, state.value)
print(f"The light is {state} ({state.name.lower()})")
timeline = []
for _ in range(7):
    timeline.append(state.name[0])
    state = state.next()
print("".join(timeline), state)
totals = {}
state = Light.GREEN
for _ in range(10):
    totals[state] = totals.get(state, 0) + state.seconds()
    state = state.next()
for light, secs in totals.items():
    print(light.name, secs)
print(list(Light))
print(len(Light), Light.GREEN in Light, Light(2), Light["YELLOW"])
print(Light.RED is Light(1), Light.RED == 1, Light.RED != Light.GREEN)
print(type(Light.RED), isinstance(Light.RED, Light), Light)
print(sys.getsizeof(Light.RED) == sys.getsizeof(Light.GREEN), sys.getsizeof(Light.RED))
print([l.value for l in reversed(Light)], sorted(Light, key=lambda l: l.name))
print({Light.YELLOW, Light.RED, Light.GREEN})
print(vars(Light.GREEN))
print(Light._member_names_, Light.RED.__class__.__name__)
for light in Light:
    print("%-6s %2d" % (light.name, light.value))
