# sys.setrecursionlimit() lowered and raised again: where RecursionError
# comes, the depth it reports when the limit is set too low, bad values.
import sys
def depth(n):
    return 1 if n == 0 else 1 + depth(n - 1)
print(sys.getrecursionlimit())
sys.setrecursionlimit(50)
try:
    depth(60)
except RecursionError as e:
    print("RecursionError:", e)
print(depth(45))
try:
    depth(48)
except RecursionError as e:
    print("48:", e)
print(depth(47))
def deep(k):
    if k == 0:
        sys.setrecursionlimit(3)
    else:
        deep(k - 1)
try:
    deep(5)
except RecursionError as e:
    print(e)
for bad in (0, -5, 2.5, "x"):
    try:
        sys.setrecursionlimit(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
sys.setrecursionlimit(1000)
print(sys.getrecursionlimit(), depth(990))
