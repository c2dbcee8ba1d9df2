# enumerate, zip, map, filter and reversed are types whose objects are made
# lazily: their type, its name and what calling an iterator type says.
names = ["ada", "grace"]
for i, name in enumerate(names):
    print(i, name)
print(list(zip(names, range(2))))
e = enumerate(names)
print(type(e), type(e) is enumerate, isinstance(e, enumerate))
print(enumerate, zip, map, filter, reversed)
print(type(iter([])).__name__, type(reversed([])).__name__, type(reversed((1,))).__name__)
try:
    type(iter([]))()
except TypeError as err:
    print(err)
print(list(zip(*[(1, "a"), (2, "b")])))
print(list(map(str, [1, 2])), list(filter(None, [0, 1, "", "x"])))
