a = None
b = None
print(a is b, a is None, a is not None)
t = ()
u = tuple()
print(t is u)
x = []
y = []
print(x is y, x == y)
y = x
print(x is y)
print(True is True, (1 == 1) is True)
c = 3 > 2
print(c is True)
o = object()
print(o is o, o is not object())
print(type(1) is int, type("a") is str, type([]) is list)
