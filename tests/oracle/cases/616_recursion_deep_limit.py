# sys.setrecursionlimit() far above the default: deep recursion that
# succeeds, where RecursionError comes, what its traceback keeps, and the
# limit's own errors (a C int, at least 1, above the depth it is set at).
import sys


def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)


sys.setrecursionlimit(5000)
print(sys.getrecursionlimit(), depth(3000), depth(4990))
reached = 0


def dive():
    global reached
    reached += 1
    dive()


try:
    dive()
except RecursionError as e:
    print("reached", reached, e)
    tb = e.__traceback__
    n = 0
    while tb is not None:
        n += 1
        tb = tb.tb_next
    print("traceback entries", n)
    del tb
sys.setrecursionlimit(100000)
reached = 0
try:
    dive()
except RecursionError as e:
    print("reached", reached, e)
print(depth(60000))


def lower_inside(k):
    if k == 0:
        try:
            sys.setrecursionlimit(2500)
        except RecursionError as e:
            print(e)
        sys.setrecursionlimit(3500)
        print("lowered to", sys.getrecursionlimit())
        return
    lower_inside(k - 1)


lower_inside(3000)
for bad in (2 ** 31 - 1, 2 ** 31, 10 ** 20, -2 ** 31, -10 ** 20):
    try:
        sys.setrecursionlimit(bad)
        print("set", sys.getrecursionlimit())
    except (OverflowError, ValueError) as e:
        print(type(e).__name__, e)
sys.setrecursionlimit(1000)
print(depth(990))
