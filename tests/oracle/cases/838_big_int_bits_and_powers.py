# Big ints in everyday code: a 64-bit hash, bit masks, a toy RSA, and what ** allocates.
import sys, tracemalloc

def fnv1a_64(data: bytes) -> int:
    h = 0xcbf29ce484222325
    for byte in data:
        h ^= byte
        h = (h * 0x100000001b3) & 0xFFFFFFFFFFFFFFFF
    return h

for word in [b"", b"a", b"memory", b"pymalloc arena"]:
    h = fnv1a_64(word)
    print(word, hex(h), h.bit_length(), sys.getsizeof(h))

mask = (1 << 100) - 1
x = 0xDEADBEEF << 80
print(x & mask == x % (1 << 100), hex(x | 0xFF), hex(x ^ mask))
print(~x, ~(-x), -x & 0xFFFF, -x | 1, (-x) ^ (-1))
print(bin(~0 << 70 & ((1 << 75) - 1)))

# textbook RSA with small primes, then with a Mersenne prime as modulus
p, q = 61, 53
n, phi = p * q, (p - 1) * (q - 1)
e = 17
d = pow(e, -1, phi)
msg = 65
print(d, pow(msg, e, n), pow(pow(msg, e, n), d, n))
M = 2**127 - 1
secret = 3**70
print(pow(secret, 65537, M), pow(secret, -1, M) * secret % M)
try:
    pow(2**80, -1, 2**90)
except ValueError as err:
    print("ValueError:", err)

# what a power allocates on the way: every product is a new int
tracemalloc.start()
for base, exp in [(2, 70), (3, 100), (10, 50), (-7, 33), (2**40, 5), (12345678901, 1)]:
    tracemalloc.reset_peak()
    before = tracemalloc.get_traced_memory()[0]
    r = base ** exp
    now, peak = tracemalloc.get_traced_memory()
    print(f"{base}**{exp}: {sys.getsizeof(r)} bytes, traced +{now - before}, peak +{peak - before}")
    del r
tracemalloc.stop()
