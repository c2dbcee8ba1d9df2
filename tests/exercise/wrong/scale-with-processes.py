# Wrong: processes, but a pool of one runs the four tasks one after another
import time
from concurrent.futures import ProcessPoolExecutor


def count_primes(lo, hi):
    found = 0
    for n in range(max(lo, 2), hi):
        d = 2
        while d * d <= n:
            if n % d == 0:
                break
            d += 1
        else:
            found += 1
    return found


bounds = [(0, 3000), (3000, 6000), (6000, 9000), (9000, 12000)]

start = time.perf_counter()
one = sum(count_primes(lo, hi) for lo, hi in bounds)
t_one = time.perf_counter() - start  # one after the other, in this process

start = time.perf_counter()
with ProcessPoolExecutor(max_workers=1) as pool:
    parts = list(pool.map(count_primes, [lo for lo, hi in bounds], [hi for lo, hi in bounds]))
t_pool = time.perf_counter() - start  # four workers

print("primes below 12000:", one, sum(parts))
print(f"four workers: {t_one / t_pool:.1f} times as fast")
