# locals() inside a function: 3.11 and 3.12 keep one f_locals dict on the
# frame object, 3.13 (PEP 667) gives a new snapshot each time.
import sys

def report(x, y):
    total = x + y
    first = locals()
    label = "sum"
    second = locals()
    return first is second, sorted(first), sorted(second), len(first)

print(report(1, 2))
