import sys


def depth(n):
    if n == 0:
        return 0
    return 1 + depth(n - 1)


def factorial(n):
    return 1 if n <= 1 else n * factorial(n - 1)


print(sys.getrecursionlimit())
print(depth(500))
print(factorial(20))
print(len(str(factorial(300))))
try:
    depth(100000)
except RecursionError as e:
    print("RecursionError:", e)
sys.setrecursionlimit(2000)
print(sys.getrecursionlimit())
print(depth(1500))
