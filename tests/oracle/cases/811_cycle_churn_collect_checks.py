# A tutorial's leak check: make many short-lived reference cycles (the
# automatic collector runs while they pile up), then ask gc.collect()
# whether anything was left for it.  The exact count depends on when the
# automatic collections ran, but "did it find some?" does not.
import gc


class Node:
    def __init__(self, name):
        self.name = name
        self.peer = None


def churn(n):
    for i in range(n):
        a = Node("a")
        b = Node("b")
        a.peer = b
        b.peer = a
    return a.name + b.name


for i in range(5000):
    left = []
    right = [left]
    left.append(right)
left = right = None
print("found garbage:", gc.collect() > 0)
print("nothing left:", gc.collect() == 0)
print(churn(3000))
print("churn left garbage:", gc.collect() >= 2)
print(gc.get_count()[0] < 50, gc.isenabled())
