# A function whose list comprehension reads one of its variables: on 3.11
# the variable is a cell the comprehension's function closes over; 3.12
# inlines the comprehension (PEP 709) and keeps it a plain local.
import gc
import sys


def scaled(values, factor):
    offset = 1
    return [v * factor + offset for v in values]


def running_totals(values):
    total = 0
    out = []
    for v in values:
        total += v
        out.append(total)
    return out, [t / total for t in out]


print(scaled([1, 2, 3], 10))
print(running_totals([1, 1, 2]))
result = scaled(range(5), 2)
print(sys.getsizeof(result), sys.getrefcount(result), gc.is_tracked(result))
gc.collect()
for _ in range(10):
    scaled([1, 2], 3)
print(gc.get_count())
