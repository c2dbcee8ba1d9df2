# Timing threads with perf_counter and monotonic, as the chapter does:
# four threads that each wait finish together.
import threading
import time


def wait_for_io():
    time.sleep(0.2)  # releases the GIL while it waits


start = time.perf_counter()
mono = time.monotonic()
threads = [threading.Thread(target=wait_for_io) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
elapsed = time.perf_counter() - start
print(0.2 <= elapsed < 0.6)         # together: about 0.2, not 0.8
print(time.monotonic() - mono >= 0.2)
print(type(start).__name__, type(time.perf_counter_ns()).__name__)
print(time.perf_counter() >= start, time.monotonic_ns() >= 0)

# one after another: the waits add up
start = time.perf_counter()
for _ in range(3):
    time.sleep(0.1)
print(time.perf_counter() - start >= 0.3)
