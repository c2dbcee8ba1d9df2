import gc


class Node:
    def __init__(self, name):
        self.name = name
        self.next = None


def make_ring(size):
    nodes = [Node(i) for i in range(size)]
    for a, b in zip(nodes, nodes[1:] + nodes[:1]):
        a.next = b
    return nodes[0]


gc.collect()
ring = make_ring(5)
print(ring.next.next.name)
del ring
print("collected:", gc.collect())

for size in (1, 10, 100):
    make_ring(size)
    print(size, "->", gc.collect())

a = []
a.append(a)
b = {"self": None}
b["self"] = b
del a, b
print("list+dict cycle:", gc.collect())
print("nothing left:", gc.collect())
