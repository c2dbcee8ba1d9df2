# "Threads help with I/O": the classic demonstration hands time.sleep itself
# to a thread pool (it stands for a network call) and times the batch with
# submit, with map and with as_completed.  Two workers and four sleeps of
# 0.1 s take 0.2 s; four workers take 0.1 s; the same sleeps run in a row
# take 0.4 s.
import time
import threading
import concurrent.futures as cf

start = time.perf_counter()
for _ in range(4):
    time.sleep(0.1)
print("in a row:", round(time.perf_counter() - start, 1))

t = time.perf_counter()
ex = cf.ThreadPoolExecutor(2)
fs = [ex.submit(time.sleep, 0.1) for _ in range(4)]
print([f.result() for f in fs])
print("2 workers, submit:", round(time.perf_counter() - t, 1))
ex.shutdown()

t = time.perf_counter()
with cf.ThreadPoolExecutor(max_workers=4) as pool:
    results = list(pool.map(time.sleep, [0.1, 0.1, 0.1, 0.1]))
print(results, "4 workers, map:", round(time.perf_counter() - t, 1))

t = time.perf_counter()
with cf.ThreadPoolExecutor(max_workers=3) as pool:
    delays = {pool.submit(time.sleep, d): d for d in (0.3, 0.1, 0.2)}
    for fut in cf.as_completed(delays):
        print("slept", delays[fut], "at", round(time.perf_counter() - t, 1))
print("3 workers, as_completed:", round(time.perf_counter() - t, 1))

t = time.perf_counter()
with cf.ThreadPoolExecutor(2) as pool:
    first = pool.submit(time.sleep, 0.2)
    second = pool.submit(time.sleep, 0.1)
    print(first.done(), second.done())
    time.sleep(0.15)
    print(first.done(), second.done())
    cf.wait([first, second])
    print(first.done(), second.done(), round(time.perf_counter() - t, 1))
print("threads left:", threading.active_count())
print("total:", round(time.perf_counter() - start, 1))
