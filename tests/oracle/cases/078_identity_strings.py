s = "hello"
t = "hello"
print(s is t)
u = "hel"
v = u + "lo"
print(v == s, v is s)
w = "a b c"
z = "a b c"
print(w is z)
e1 = u + ""
print(e1 is u)
p = str(5)
q = str(5)
print(p == q)
def f():
    return "hello"
print(f() is s)
