# CPU-bound work does not speed up on a thread pool: the GIL lets one
# thread run Python at a time (sys.getswitchinterval() hands it over).
import sys
import time
from concurrent.futures import ThreadPoolExecutor


def crunch(n):
    total = 0
    for i in range(n):
        total += i * i
    return total


N = 60_000
start = time.perf_counter()
serial = [crunch(N) for _ in range(4)]
one = time.perf_counter() - start

start = time.perf_counter()
with ThreadPoolExecutor(max_workers=4) as pool:
    threaded = list(pool.map(crunch, [N] * 4))
four = time.perf_counter() - start

print(serial == threaded, serial[0])
print("no faster on 4 threads:", four / one > 0.5)  # 4x faster would be 0.25
print(sys.getswitchinterval())
