import sys
s = "ab"
s = s + "cd"
print(sys.getrefcount(s))
print(s)
print(sys.getrefcount(s))
print(s, s)
print(sys.getrefcount(s))
t = "caf"
t = t + "\u00e9"
print(t)
print(sys.getrefcount(t))
u = "x"
u = u + "yz"
print(u, flush=True)
print(sys.getrefcount(u))
print(sys.getrefcount(s))
v = "q"
v = v + "rs"
print(v, end="")
print()
print(sys.getrefcount(v))
