# Timing code with the time module: the values differ on every run, so a
# program that is meant to be repeatable prints only what does not depend on
# the clock.
import gc
import sys
gc.collect()
import time

print(gc.get_count())
start = time.perf_counter()
total = 0
for i in range(10000):
    total += i * i
elapsed = time.perf_counter() - start
print(total, elapsed >= 0, type(elapsed).__name__, sys.getsizeof(elapsed))
t0 = time.time()
time.sleep(0.01)
print(time.time() - t0 >= 0.005)
m1 = time.monotonic()
m2 = time.monotonic()
print(m2 >= m1, type(time.monotonic_ns()).__name__, time.perf_counter_ns() > 0)
print(time.process_time() >= 0)
try:
    time.sleep(-1)
except ValueError as e:
    print("ValueError:", e)
print(gc.get_count())
