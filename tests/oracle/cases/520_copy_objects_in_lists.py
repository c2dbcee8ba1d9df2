# Copying a list of objects: a shallow copy shares the objects, a deep
# copy duplicates each one once, however often it appears.
import copy
import sys


class Card:
    def __init__(self, rank, suit):
        self.rank = rank
        self.suit = suit

    def __repr__(self):
        return f"Card({self.rank!r}, {self.suit!r})"


ace = Card("A", "spades")
hand = [ace, Card("K", "hearts"), ace]
same = copy.copy(hand)
print(same, same[0] is ace)
print(sys.getrefcount(ace))
deep = copy.deepcopy(hand)
print(deep, deep[0] is ace, deep[0] is deep[2])
print(sys.getrefcount(deep[0]), sys.getrefcount(ace))
print(vars(deep[1]), sys.getsizeof(deep[1]) == sys.getsizeof(ace))
del hand, same
print(sys.getrefcount(ace))
