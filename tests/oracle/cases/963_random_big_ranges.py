# Random numbers far beyond 64 bits: a 128-bit token, a random 30-digit
# number, a step through a huge range.  Random draws k = n.bit_length()
# bits at a time and redraws while the value is too large, the same
# Mersenne Twister words whatever the size.
import random

random.seed(7)
token = random.getrandbits(128)
print(f"token: {token:032x}")
print("30 digits:", random.randrange(10**29, 10**30))
print("even, below 2**80:", random.randrange(0, 2**80, 2))
print("dice with a huge die:", random.randint(1, 2**100))
print("going down:", random.randrange(2**70, -2**70, -9))

big_ids = [random.randrange(2**64) for _ in range(4)]
print([hex(i) for i in big_ids])
print("still in step:", random.random())

try:
    random.randrange(2**90, 2**90)
except ValueError as err:
    print("ValueError:", err)
