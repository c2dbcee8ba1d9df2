x = 200
a = x + 56
b = x + 56
print(a, a is b)
c = x + 57
d = x + 57
print(c, c is d, c == d)
e = x - 205
f = x - 205
print(e, e is f)
g = x - 206
h = x - 206
print(g, g is h)
i = 0
j = 0
while i < 300:
    i = i + 1
    j = j + 1
print(i is j, i == j)
m = 100
n = 100
print(m is n)
