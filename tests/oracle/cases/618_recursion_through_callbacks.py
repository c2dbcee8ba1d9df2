# Recursion through C: a key function, __repr__, map.  Where RecursionError
# comes depends on CPython's C-level checks, which the model does not count:
# it refuses before any profile could raise (tests/oracle/REFUSED).
import sys


def shallow(n):
    return n if n == 0 else sorted([1], key=lambda x: shallow(n - 1))[0] * 0 + n


print(shallow(50))
depth = 0


def keyed(n):
    global depth
    depth = n
    return sorted([1], key=lambda x: keyed(n + 1))


try:
    keyed(0)
except RecursionError as e:
    print("keyed", depth, e)
