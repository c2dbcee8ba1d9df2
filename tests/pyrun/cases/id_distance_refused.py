# whether two objects share an address is modelled; how far apart they lie is not
a = [1]
ia = id(a)
b = [2]
print(id(a) == ia, id(a) - ia, ia == id(b))
print(id(b) - ia)
