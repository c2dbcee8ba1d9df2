# A recursion a learner caps with a handler: print_exc shows every frame
# (the repeated line counted), then a plain error goes uncaught.
import sys
import traceback

sys.setrecursionlimit(100)


def countdown(n):
    return countdown(n - 1)


try:
    countdown(5)
except RecursionError:
    traceback.print_exc(limit=6)
    traceback.print_exc()
[1, 2, 3][3]
