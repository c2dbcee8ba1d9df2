# The corners of deque: no room at all, growing from the left, inserting
# into a full one.
import sys
from collections import deque

nothing = deque(range(5), maxlen=0)
print(nothing, len(nothing), sys.getsizeof(nothing))
backwards = deque()
backwards.extendleft("abc")
print(backwards, sys.getsizeof(backwards))
backwards.extend(x * 2 for x in "de")
print(backwards)
full = deque([1, 2], maxlen=2)
try:
    full.insert(0, 0)
except IndexError as err:
    print("IndexError:", err)
big = deque(range(300))
print(sys.getsizeof(big))
big.rotate(100)
print(sys.getsizeof(big), big[0], big[-1])
big.rotate(-250)
print(sys.getsizeof(big), big[0])
for _ in range(290):
    big.pop()
print(len(big), sys.getsizeof(big), list(big))
again = deque([1, 2, 3])
again += [4]
again *= 2
print(again, again.index(4, 4), again.count(1))
print(deque([[1]]) == deque([[1]]), deque([1, 2, 3]) > deque([1, 2]))
