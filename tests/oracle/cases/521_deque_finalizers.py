# When a deque goes away its items go left to right.
from collections import deque


class Task:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("finished", self.name)


pending = deque(Task(n) for n in ("a", "b", "c"))
pending.rotate(1)
print([t.name for t in pending])
pending.clear()
print("cleared")
more = deque([Task("x"), Task("y")], maxlen=2)
more.append(Task("z"))
print("appended")
more.appendleft(Task("w"))
print("appended left")
del more
print("done")
