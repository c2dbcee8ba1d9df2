# Random ids of 64 and 128 bits, as a session-token generator makes them,
# and the memory each one takes (random.getrandbits beyond 32 bits holds a
# word array while it builds the int).
import random
import sys
import tracemalloc

random.seed(2024)
tracemalloc.start()
ids = []
for bits in (40, 64, 128, 256):
    tracemalloc.reset_peak()
    before = tracemalloc.get_traced_memory()[0]
    token = random.getrandbits(bits)
    now, peak = tracemalloc.get_traced_memory()
    ids.append(token)
    print(bits, hex(token), sys.getsizeof(token), now - before, peak - before)
print(len(ids), max(ids).bit_length())
print(random.getrandbits(1000).bit_length() <= 1000)
tracemalloc.stop()
