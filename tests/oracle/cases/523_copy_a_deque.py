# Copying a deque: copy.copy asks the deque itself (__copy__), which
# builds the new one from its left edge.
import copy
import sys
from collections import deque

recent = deque(range(40), maxlen=50)
snapshot = copy.copy(recent)
print(snapshot == recent, snapshot is recent, snapshot.maxlen)
print(sys.getsizeof(recent), sys.getsizeof(snapshot))
one = deque(["only"])
print(sys.getsizeof(one), sys.getsizeof(one.copy()), sys.getsizeof(copy.copy(one)))
items = [[i] for i in range(3)]
queue = deque(items)
twin = copy.copy(queue)
print(twin[0] is items[0], sys.getrefcount(items[0]))
