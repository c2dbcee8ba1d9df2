# deepcopy of a deque goes through its __reduce__: a new deque, then one
# append per copied item, so where it starts depends on maxlen.
import copy
import sys
from collections import deque

shared = ["log"]
history = deque([shared, ["a"], shared], maxlen=5)
backup = copy.deepcopy(history)
print(backup, backup.maxlen)
print(backup[0] is backup[2], backup[0] is shared, sys.getrefcount(shared))
numbers = deque(range(100))
bounded = deque(range(100), maxlen=100)
print(sys.getsizeof(numbers), sys.getsizeof(copy.deepcopy(numbers)))
print(sys.getsizeof(bounded), sys.getsizeof(copy.deepcopy(bounded)))
loop = deque()
loop.append(loop)
loop_copy = copy.deepcopy(loop)
print(loop_copy[0] is loop_copy, loop_copy is loop)
