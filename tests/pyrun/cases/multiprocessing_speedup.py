# CPU-bound work on a Pool of 4 and on 4 Processes: on the model's 2 cores
# (the default) each is about twice as fast as one process; with --cores 4
# about 4 times (docs/THREADS.md).  CPython's own ratio is this machine's.
import multiprocessing as mp
import time


def burn(n):
    total = 0
    for i in range(n):
        total += i * i
    return total


if __name__ == "__main__":
    jobs = [50000] * 4
    t0 = time.perf_counter()
    serial = [burn(n) for n in jobs]
    t1 = time.perf_counter()
    with mp.Pool(4) as pool:
        par = pool.map(burn, jobs)
    t2 = time.perf_counter()
    procs = [mp.Process(target=burn, args=(n,)) for n in jobs]
    for p in procs:
        p.start()
    for p in procs:
        p.join()
    t3 = time.perf_counter()
    pool_x = (t1 - t0) / (t2 - t1)
    proc_x = (t1 - t0) / (t3 - t2)
    print(serial == par, 1.6 < pool_x < 2.1, 1.4 < proc_x < 2.1, mp.cpu_count())
