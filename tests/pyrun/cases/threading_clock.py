# Timing threads on the model's clock: perf_counter reads the simulated
# time (each instruction's calibrated cost, the sleeps), so these ratios are
# the same on every run.  CPython's move with the machine's load and the
# OS's choices, so no oracle compares them.  CPU-bound work on two threads
# takes about as long as the same work twice in one thread; waits overlap.
import threading
import time


def count(n):
    total = 0
    for i in range(n):
        total += i


N = 50000
start = time.perf_counter()
count(N)
one = time.perf_counter() - start

start = time.perf_counter()
a = threading.Thread(target=count, args=(N,))
b = threading.Thread(target=count, args=(N,))
a.start()
b.start()
a.join()
b.join()
two = time.perf_counter() - start
print("two threads / one count:", round(two / one, 1))

start = time.monotonic()
waits = [threading.Thread(target=time.sleep, args=(0.25,)) for _ in range(2)]
for w in waits:
    w.start()
for w in waits:
    w.join()
print("two 0.25 s waits:", round(time.monotonic() - start, 2))
