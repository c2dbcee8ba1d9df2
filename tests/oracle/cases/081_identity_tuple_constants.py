t1 = (1, 2, 3)
t2 = (1, 2, 3)
print(t1 is t2, t1 == t2)
n = 1
t3 = (n, 2, 3)
print(t3 is t1, t3 == t1)
e = ()
f = ()
print(e is f)
b1 = b""
b2 = bytes(0)
print(b1 is b2)
