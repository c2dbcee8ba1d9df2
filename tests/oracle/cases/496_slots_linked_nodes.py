# A linked list of 10,000 nodes, with and without __slots__.
import sys


class Node:
    __slots__ = ("value", "next")

    def __init__(self, value, next=None):
        self.value = value
        self.next = next


class FatNode:
    def __init__(self, value, next=None):
        self.value = value
        self.next = next


head = None
for i in range(10000):
    head = Node(i, head)
fat = None
for i in range(10000):
    fat = FatNode(i, fat)
total = 0
size = 0
node = head
while node is not None:
    total += node.value
    size += sys.getsizeof(node)
    node = node.next
print(total, size)
size = 0
node = fat
while node is not None:
    size += sys.getsizeof(node) + sys.getsizeof(node.__dict__)
    node = node.next
print(size)
print(sys.getrefcount(head), sys.getrefcount(head.next))
