class Node:
    __slots__ = ("value", "next")

    def __init__(self, value, next=None):
        self.value = value
        self.next = next


class LinkedList:
    def __init__(self, iterable=()):
        self.head = None
        self.size = 0
        for item in reversed(list(iterable)):
            self.push(item)

    def push(self, value):
        self.head = Node(value, self.head)
        self.size += 1

    def __iter__(self):
        node = self.head
        while node:
            yield node.value
            node = node.next

    def __len__(self):
        return self.size

    def __repr__(self):
        return " -> ".join(map(str, self)) or "(empty)"

    def reverse(self):
        prev, node = None, self.head
        while node:
            node.next, prev, node = prev, node, node.next
        self.head = prev


ll = LinkedList([1, 2, 3, 4])
print(ll, len(ll))
ll.push(0)
ll.reverse()
print(ll, 3 in ll, sum(ll), LinkedList())
