# A deque stores its items in blocks of 64 slots: its size grows a block
# at a time, and where the first item landed decides when.
import sys
import gc
from collections import deque

history = deque()
print(sys.getsizeof(history), gc.is_tracked(history))
sizes = []
for n in range(200):
    history.append(n)
    size = sys.getsizeof(history)
    if not sizes or sizes[-1][1] != size:
        sizes.append((len(history), size))
print(sizes)

filled = deque(range(200))
print(sys.getsizeof(filled))
front = deque()
for n in range(100):
    front.appendleft(n)
print(sys.getsizeof(front), front[0], front[-1])
left_filled = deque()
left_filled.extendleft(range(100))
print(sys.getsizeof(left_filled), left_filled[0])

while len(history) > 10:
    history.popleft()
print(len(history), sys.getsizeof(history))
history.clear()
print(sys.getsizeof(history), history)
