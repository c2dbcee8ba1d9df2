import sys
c = (1, 2)
n = ((1, 2), (3, 4))
print(sys.getrefcount(c), sys.getrefcount(n), sys.getrefcount(n[1]))
print(n[0] is c)
def f():
    return ((7, 8), (9, 10))
print(sys.getrefcount(f()), sys.getrefcount(f()[1]))
