# How many objects does the collector find? A classic experiment: build
# garbage cycles in a loop, then ask gc.collect() for the rest.
import gc


class Node:
    def __init__(self, name):
        self.name = name
        self.other = None


def link(a, b):
    a.other = b
    b.other = a


def make_pair(i):
    a = Node("a%d" % i)
    b = Node("b%d" % i)
    link(a, b)
    return a


def describe(n):
    return n.name


for i in range(300):
    make_pair(i)          # the pair is garbage at once: only a cycle holds it

print("count before:", gc.get_count())
print("collected:", gc.collect())
print("count after:", gc.get_count())
