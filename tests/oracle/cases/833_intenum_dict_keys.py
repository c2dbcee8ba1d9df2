from enum import IntEnum
import sys

class Suit(IntEnum):
    CLUBS = 1
    DIAMONDS = 2
    HEARTS = 3
    SPADES = 4

counts = {}
hand = [Suit.HEARTS, Suit.SPADES, Suit.HEARTS, 2, Suit.CLUBS]
for card in hand:
    counts[card] = counts.get(card, 0) + 1
print(counts)
print(counts[3], counts[Suit.DIAMONDS], sorted(counts), set(hand))
print(sum(Suit), Suit.SPADES * Suit.HEARTS, Suit.CLUBS | 2, divmod(Suit.SPADES, 3))
print([s.name for s in Suit if s % 2 == 0], Suit(3).name, Suit["CLUBS"] == 1)
print(sys.getsizeof(Suit.CLUBS) == sys.getsizeof(Suit.SPADES), isinstance(Suit.SPADES, int))
print("{0} {0!r} {0:03d} {1}".format(Suit.HEARTS, [Suit.CLUBS]))
