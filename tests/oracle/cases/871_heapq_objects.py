# Objects in a heap: heapq only ever asks `<` (a class's own __lt__), in
# the order of its C sift loops; equal priorities fall back to comparing
# the second item of the tuples; a class without __lt__ fails there.
import heapq
import sys

calls = []

class Task:
    def __init__(self, prio, name):
        self.prio = prio
        self.name = name

    def __lt__(self, other):
        calls.append(self.name + "<" + other.name)
        return self.prio < other.prio

    def __repr__(self):
        return "Task(%d, %r)" % (self.prio, self.name)

todo = [Task(p, n) for p, n in [(4, "d"), (2, "b"), (5, "e"), (1, "a"), (3, "c"), (6, "f"), (0, "z")]]
heapq.heapify(todo)
print(todo)
print(calls)
calls.clear()
heapq.heappush(todo, Task(-1, "new"))
print(calls)
calls.clear()
print(heapq.heappop(todo), calls)
calls.clear()
print(heapq.heapreplace(todo, Task(9, "late")), calls)
calls.clear()
print(heapq.heappushpop(todo, Task(1, "mid")), calls)
calls.clear()
print(heapq.heappushpop(todo, Task(0, "low")), calls)
print(heapq.nsmallest(3, todo))
print(heapq.nlargest(2, todo, key=lambda t: t.prio))
print(heapq.nsmallest(2, iter(todo)), heapq.nlargest(3, iter(todo)))

# (priority, counter, item): the counter breaks ties before the items meet
queue = []
job = Task(3, "job")
for count, (prio, item) in enumerate([(2, job), (1, job), (2, job)]):
    heapq.heappush(queue, (prio, count, item))
print(queue, sys.getrefcount(job))
del queue
print(sys.getrefcount(job))

class Plain:
    pass

ties = []
heapq.heappush(ties, (1, Plain()))
try:
    heapq.heappush(ties, (1, Plain()))
except TypeError as e:
    print("TypeError:", e)
print(len(ties))

class OnlyGt:
    def __init__(self, v):
        self.v = v

    def __gt__(self, other):
        print("gt", self.v, other.v)
        return self.v > other.v

h = []
for v in [3, 1, 2]:
    heapq.heappush(h, OnlyGt(v))
print([o.v for o in h])
