# A bounded deque keeps the most recent items: old ones fall off the far end.
import sys
import gc
from collections import deque

last_three = deque(maxlen=3)
for reading in [12.5, 13.0, 12.8, 14.1, 15.0]:
    last_three.append(reading)
    print(list(last_three), len(last_three))
print(last_three, last_three.maxlen)
last_three.appendleft(0.0)
print(last_three)

token = ["shared"]
window = deque([token, token], maxlen=4)
print(sys.getrefcount(token))
window.extend([token, token, token])
print(len(window), window.count(token), sys.getrefcount(token))
window.clear()
print(sys.getrefcount(token), gc.is_tracked(window))

steps = deque("abcdef")
steps.rotate(2)
print(steps, sys.getsizeof(steps))
steps.rotate(-3)
print(steps)
print(steps.pop(), steps.popleft(), steps)
print(steps.index("c"), "d" in steps, "z" in steps, steps[1], steps[-2])
steps[0] = "A"
del steps[1]
steps.insert(1, "B")
steps.remove("f")
steps.reverse()
print(steps, len(steps), bool(steps), bool(deque()))
print(deque([1, 2]) == deque([1, 2]), deque([1, 2]) == [1, 2], deque([1, 2]) < deque([1, 3]))
both = deque([1]) + deque([2, 3])
print(both, both * 2, sys.getsizeof(both))
try:
    deque().pop()
except IndexError as err:
    print("IndexError:", err)
try:
    steps[10]
except IndexError as err:
    print("IndexError:", err)
