import gc
import sys


class Node:
    def __init__(self, value, next=None):
        self.value = value
        self.next = next


class LinkedList:
    """A singly linked list whose __iter__ is a generator."""

    def __init__(self, *values):
        self.head = None
        for v in reversed(values):
            self.head = Node(v, self.head)

    def __iter__(self):
        node = self.head
        while node is not None:
            yield node.value
            node = node.next

    def __len__(self):
        return sum(1 for _ in self)


ll = LinkedList(5, 3, 8, 1)
print(list(ll), len(ll), sorted(ll), max(ll), sum(ll))
print(8 in ll, 7 in ll)
for value in ll:
    print(value, end=" ")
print()

it = iter(ll)
print(type(it).__name__, it.__qualname__, sys.getsizeof(it), gc.is_tracked(it))
print(next(it), next(it))
print(sys.getrefcount(ll))
del it
print(sys.getrefcount(ll))


class Tree:
    def __init__(self, value, *children):
        self.value = value
        self.children = children

    def __iter__(self):
        yield self.value
        for child in self.children:
            yield from child


tree = Tree(1, Tree(2, Tree(4), Tree(5)), Tree(3, Tree(6)))
print(list(tree))
print([v * 10 for v in tree if v % 2])
a, b, *rest = tree
print(a, b, rest)
print(gc.collect())
