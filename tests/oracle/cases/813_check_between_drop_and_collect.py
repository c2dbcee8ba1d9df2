# Cycles made and dropped in a loop, then a little more work before the
# collection is asked for: a loop (where the interpreter may run an
# automatic collection in 3.12 and later) and a call of a Python function
# come between dropping the last pair and gc.collect().
import gc


def tidy(values):
    total = 0
    for v in values:
        total += v
    return total


for i in range(6000):
    parent = {"name": "parent", "children": []}
    child = {"name": "child", "parent": parent}
    parent["children"].append(child)
parent = child = None
print(tidy(range(10)))
print("anything found:", gc.collect() > 0)
print("second pass:", gc.collect())
