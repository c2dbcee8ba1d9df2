a = []
b = a
c = []
print(id(a) == id(b), id(a) == id(c))
print(id(a) == id(a))
d = {"k": a}
print(id(d["k"]) == id(a))
x = [1, 2]
y = x
x.append(3)
print(y, id(x) == id(y))
x = x + [4]
print(y, x, id(x) == id(y))
