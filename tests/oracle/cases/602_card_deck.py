# Shuffling a deck of cards, dealing hands and drawing at random, the way a
# card-game exercise does it; the seed makes the deal repeatable.
import random
import sys

random.seed(7)
suits = ["hearts", "diamonds", "clubs", "spades"]
ranks = ["2", "3", "4", "5", "6", "7", "8", "9", "10", "J", "Q", "K", "A"]
deck = []
for suit in suits:
    for rank in ranks:
        deck.append(rank + " of " + suit)
print(len(deck), sys.getsizeof(deck))
random.shuffle(deck)
print(deck[:5])
print(len(deck), sys.getsizeof(deck))
hands = [deck[i::4] for i in range(4)]
for hand in hands:
    print(len(hand), hand[:3])
print(random.choice(deck))
print(random.choice(suits), random.choice("ABCDE"), random.choice((10, 20, 30)))
winners = random.sample(range(1, 50), 6)
print(sorted(winners), sys.getsizeof(winners))
print(random.sample(ranks, 3))
print(random.sample(deck, 52) == deck, sorted(random.sample(deck, 52)) == sorted(deck))
print(random.randrange(100), random.randrange(10, 20), random.randrange(0, 100, 10))
print(random.random(), random.uniform(1, 10))
print(random.getrandbits(8), random.getrandbits(32), random.getrandbits(48))
