# Bits and bytes: the same number in base 16, 8 and 2.
import sys

flags = 0b1011
mask = 0xFF
perms = 0o755
print(hex(flags), oct(flags), bin(flags), bin(mask), oct(perms), hex(perms))
for n in (0, 1, -1, 255, 256, -4096, 2**31, 2**64 + 5, -(2**100), True):
    print(n, hex(n), oct(n), bin(n))
print(hex(2**63 - 1), bin(-2**63), len(bin(10**30)) - 2, (10**30).bit_length())
text = bin(200)
print(text, type(text).__name__, sys.getsizeof(text), int(text, 2), int(hex(200), 16))
for bad in (1.5, "7", None):
    try:
        hex(bad)
    except TypeError as e:
        print("TypeError:", e)
