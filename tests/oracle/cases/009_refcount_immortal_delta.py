import sys
before = sys.getrefcount(None)
p = None
q = None
r = [None, None, None]
after = sys.getrefcount(None)
print(after - before)
before = sys.getrefcount(True)
s = True
t = [True, True]
print(sys.getrefcount(True) - before)
n = 7
before = sys.getrefcount(n)
m = n
k = [n, n, n, n]
print(sys.getrefcount(n) - before)
print(sys.getrefcount(None) > 1000000000)
print(sys.getrefcount(5) > 1000000000)
print(sys.getrefcount(()) > 1000000000)
