# make bench: 72 threads on the simulated GIL, CPU-bound turns and waits
# mixed; prints the simulated seconds the run took (time.perf_counter runs
# on the model's clock), which tests/bench/threads_bench.sh divides by wall.
import threading
import time


def worker(n):
    total = 0
    for round_ in range(3):
        for i in range(2_000):
            total += i * n
        time.sleep(0.01)  # an I/O wait: the GIL goes to the next thread
    return total


start = time.perf_counter()
threads = [threading.Thread(target=worker, args=(k,)) for k in range(72)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(f"{time.perf_counter() - start:.6f}")
