# Iteration through __getitem__ alone (the pre-2.2 sequence protocol): an
# "iterator" object calls it with 0, 1, 2 ... until IndexError.
class Squares:
    def __getitem__(self, i):
        if i >= 4:
            raise IndexError(i)
        return i * i


s = Squares()
print(s[3])
for x in s:
    print(x)
it = iter(s)
print(type(it).__name__, next(it), list(it))
print(9 in s, 5 in s, list(reversed(s)) if hasattr(Squares, "__len__") else "no len")
