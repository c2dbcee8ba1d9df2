# enumerate, zip, map and filter pull from generators and from a class's
# own __iter__ or __getitem__ one item at a time: the prints interleave.
import gc
import sys

def countdown(n):
    while n > 0:
        print("  yield", n)
        yield n
        n -= 1

for i, n in enumerate(countdown(3)):
    print("got", i, n)

for a, b in zip(countdown(2), "xyz"):
    print("pair", a, b)

class Deck:
    def __init__(self, cards):
        self.cards = cards

    def __iter__(self):
        print("  __iter__")
        return iter(self.cards)

class Squares:
    def __getitem__(self, i):
        if i >= 4:
            raise IndexError(i)
        return i * i

deck = Deck(["ace", "king"])
print(list(enumerate(deck, 1)))
print(list(zip(deck, Squares())))
print(list(map(str, Squares())), list(filter(None, Squares())))
s = iter(Squares())
print(type(s).__name__, sys.getsizeof(s), gc.is_tracked(s), next(s), next(s))
print(list(s), list(s))
for x in Squares():
    print(x, end=" ")
print()
print(sum(Squares()), 9 in Squares())
