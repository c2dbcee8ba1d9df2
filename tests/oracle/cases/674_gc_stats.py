# gc.get_stats(): collections per generation since the interpreter started,
# and what they found, before and after a program makes cyclic garbage.
import gc


print(gc.get_stats()[0])


def totals():
    return [(s["collections"], s["collected"], s["uncollectable"]) for s in gc.get_stats()]


class Node:
    def __init__(self):
        self.partner = None


gc.collect()
start = totals()
print(len(gc.get_stats()), sorted(gc.get_stats()[0]))
for i in range(50):
    a, b = Node(), Node()
    a.partner, b.partner = b, a
a = b = None
found = gc.collect()
after = totals()
print(found, [after[g][0] - start[g][0] for g in range(3)], after[2][1] - start[2][1])
gc.collect(0)
print(totals()[0][0] - after[0][0], totals()[2][0] - after[2][0])
stats = gc.get_stats()
print(type(stats).__name__, type(stats[1]).__name__, stats[2]["uncollectable"])
