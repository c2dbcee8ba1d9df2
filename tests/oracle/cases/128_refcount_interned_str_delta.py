import sys
s = "hello"
before = sys.getrefcount(s)
t = s
u = [s, s]
print(sys.getrefcount(s) - before)
r = s + " world"
before = sys.getrefcount(r)
v = r
print(sys.getrefcount(r) - before)
e = ""
before = sys.getrefcount(e)
f = e
print(sys.getrefcount(e) - before)
k = (1, 2)
before = sys.getrefcount(k)
j = k
print(sys.getrefcount(k) - before)
n = 300
before = sys.getrefcount(n)
m = n
print(sys.getrefcount(n) - before)
