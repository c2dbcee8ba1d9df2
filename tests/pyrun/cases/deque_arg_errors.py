# deque's argument errors, worded per version (3.13's Argument Clinic)
from collections import deque

d = deque([1, 2])
for call in (lambda: d.rotate(1, 2), lambda: d.index(), lambda: d.insert(1), lambda: d.pop(0),
             lambda: d[1:2], lambda: d.count(), lambda: d.remove(9), lambda: deque([], maxlen=-1)):
    try:
        call()
    except (TypeError, ValueError) as err:
        print(type(err).__name__, err)
