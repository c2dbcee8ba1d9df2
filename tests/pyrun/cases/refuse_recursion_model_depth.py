# A recursion limit of a million is CPython's to honour; the model keeps
# 200000 frames and refuses the next one at its line, rather than raise a
# RecursionError CPython would not.
import sys
sys.setrecursionlimit(1000000)
print(sys.getrecursionlimit())


def dive(n):
    return dive(n + 1)


dive(0)
