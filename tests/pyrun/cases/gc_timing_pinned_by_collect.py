# The classic experiment made exact: collect first, so the young count
# starts from zero, then make cyclic garbage and ask how much was found.
import gc


class Node:
    def __init__(self, name):
        self.name = name
        self.partner = None


def make_pair(i):
    a, b = Node(f"a{i}"), Node(f"b{i}")
    a.partner, b.partner = b, a


gc.collect()
print("after the first collect:", gc.get_count())
for i in range(400):
    make_pair(i)
print("count before:", gc.get_count())
print("collected:", gc.collect())
print("count after:", gc.get_count())
