# A leak check written as a function, the way a tutorial on reference
# cycles does it: nodes that point at each other are made in a loop and
# dropped, the automatic collector runs while they pile up, and then the
# function asks gc.collect() whether anything was left.  How much it finds
# depends on when the automatic collections ran; whether it finds any does
# not, since the last pair is still held by the locals until just before.
import gc


class Node:
    def __init__(self, name):
        self.name = name
        self.partner = None


def make_pairs(n):
    for i in range(n):
        first = Node("first")
        second = Node("second")
        first.partner = second
        second.partner = first
    names = first.name + "/" + second.name
    first = second = None
    return names, gc.collect() > 0


def leak_check(rounds):
    found = []
    for r in range(rounds):
        left = {"id": r}
        right = {"id": r, "other": left}
        left["other"] = right
    del left, right
    found.append(gc.collect() >= 2)
    return found


print(make_pairs(4000))
print(leak_check(2500))
print("clean afterwards:", gc.collect() == 0)
