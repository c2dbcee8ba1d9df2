# A doubly linked list built by a script at module level, its two ends
# dropped with del, then gc.collect() asked whether the chain was freed.
import gc


class Link:
    def __init__(self, value, prev=None):
        self.value = value
        self.prev = prev
        self.next = None
        if prev is not None:
            prev.next = self


for round_ in range(300):
    head = Link(0)
    tail = head
    for v in range(1, 12):
        tail = Link(v, tail)
total = 0
node = head
while node is not None:
    total += node.value
    node = node.next
print("sum of the last chain:", total)
del head, tail
found = gc.collect()
print("chain freed:", found >= 12)
print(gc.collect() == 0)
