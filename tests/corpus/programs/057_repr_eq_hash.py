class Card:
    def __init__(self, rank, suit):
        self.rank = rank
        self.suit = suit

    def __repr__(self):
        return f"Card({self.rank!r}, {self.suit!r})"

    def __eq__(self, other):
        if not isinstance(other, Card):
            return NotImplemented
        return (self.rank, self.suit) == (other.rank, other.suit)

    def __hash__(self):
        return hash((self.rank, self.suit))


a = Card(10, "hearts")
b = Card(10, "hearts")
c = Card(2, "spades")
print(a == b, a is b, a != c, a == "10 of hearts")
hand = {a, b, c}
print(len(hand))
counts = {a: 1}
counts[b] += 1
print(counts)
print(sorted([c, a], key=lambda card: card.rank))


class NoHash:
    def __eq__(self, other):
        return True

try:
    {NoHash()}
except TypeError as e:
    print("TypeError:", e)
print(NoHash.__hash__)
