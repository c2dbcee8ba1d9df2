# Recursion through a class call's __init__: 3.11 counts the class call's
# own check with the frames (two per level), 3.12 draws three per level
# from a C budget of 1500 whatever the limit.
import sys

depth = 0


class Node:
    def __init__(self, n, stop):
        global depth
        depth = n
        self.next = Node(n + 1, stop) if n < stop else None


def length(node):
    n = 0
    while node is not None:
        n += 1
        node = node.next
    return n


print(length(Node(0, 480)))
for limit in (1000, 1100, 2000):
    sys.setrecursionlimit(limit)
    depth = 0
    try:
        Node(0, 10 ** 9)
    except RecursionError as e:
        print(limit, depth, e)
sys.setrecursionlimit(1000)
print(length(Node(0, 480)))
