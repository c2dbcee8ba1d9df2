# Iteration through __getitem__ alone (the pre-2.2 sequence protocol) is refused.
class Squares:
    def __getitem__(self, i):
        if i >= 4:
            raise IndexError(i)
        return i * i


s = Squares()
print(s[3])
for x in s:
    print(x)
