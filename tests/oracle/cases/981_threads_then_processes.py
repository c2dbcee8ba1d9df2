# Chapter 3's comparison in one program, as a learner writes it: I/O-bound
# work on threads (the sleeps overlap), then CPU-bound work on processes
# (each its own interpreter), then a process started while a progress
# thread keeps ticking in the parent.
import gc
import threading
import time
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from multiprocessing import Pool, Process


def fetch(url):
    time.sleep(0.1)  # stands for the network
    return len(url)


def count_primes(limit):
    count = 0
    for n in range(2, limit):
        for d in range(2, int(n ** 0.5) + 1):
            if n % d == 0:
                break
        else:
            count += 1
    return count


def progress(stop, every):
    ticks = 0
    while not stop.wait(every):
        ticks += 1
        print("still working", ticks, flush=True)


def nap(seconds):
    time.sleep(seconds)
    assert threading.active_count() == 1  # the fork copied the calling thread alone


if __name__ == "__main__":
    urls = ["https://example.org/" + str(i) for i in range(8)]
    start = time.perf_counter()
    threads = [threading.Thread(target=fetch, args=(u,)) for u in urls]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    print("8 fetches on 8 threads:", round(time.perf_counter() - start, 1), "s")

    with ThreadPoolExecutor(max_workers=4) as pool:
        sizes = list(pool.map(fetch, urls))
    print("sizes", sizes, threading.active_count())

    gc.collect()  # a clean start before the timed part
    with Pool(2) as pool:
        print("primes", pool.map(count_primes, [200, 300, 400]))
    with ProcessPoolExecutor(max_workers=2) as ex:
        print("primes", list(ex.map(count_primes, [100, 150])))

    stop = threading.Event()
    ticker = threading.Thread(target=progress, args=(stop, 0.09), name="progress")
    ticker.start()
    start = time.perf_counter()
    p = Process(target=nap, args=(0.2,), name="napper")
    p.start()
    print(p.name, "started;", threading.active_count(), "threads here", flush=True)
    p.join()
    print(p.name, "exit code", p.exitcode, flush=True)
    stop.set()
    ticker.join()
    print("joined after", round(time.perf_counter() - start, 1), "s")
