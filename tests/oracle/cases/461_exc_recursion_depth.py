# Recursion that goes too deep: how deep, what the traceback keeps
import gc
import sys

depth = 0


def countdown(n):
    global depth
    depth += 1
    scratch = [n] * 4
    return countdown(n - 1) + len(scratch)


try:
    countdown(10)
except RecursionError as e:
    print("depth reached:", depth, sys.getrecursionlimit())
    tb = e.__traceback__
    frames = 0
    while tb is not None:
        frames += 1
        last = tb
        tb = tb.tb_next
    print("traceback entries:", frames, "last line:", last.tb_lineno)
    del tb, last
print("collected:", gc.collect())


def factorial(n):
    if n <= 1:
        return 1
    return n * factorial(n - 1)


print(factorial(50) > 10 ** 60)
depth = 0
countdown(5)
