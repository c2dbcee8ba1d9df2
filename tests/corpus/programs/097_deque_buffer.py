from collections import deque

recent = deque(maxlen=3)
for page in ["home", "about", "blog", "contact", "shop"]:
    recent.append(page)
    print(list(recent))
print(recent.maxlen)

d = deque([1, 2, 3, 4, 5])
d.rotate(2)
print(d)
d.rotate(-3)
print(d)
d.appendleft(0)
d.extendleft([-1, -2])
print(d, d.popleft(), d.pop())
print(d.count(2), d.index(3), d[0], d[-1])
d.reverse()
print(d)
print(deque("abc") == deque(["a", "b", "c"]))

queue = deque()
for task in ("t1", "t2", "t3"):
    queue.append(task)
while queue:
    print("processing", queue.popleft())
