# Processes that finish at different times: the parent takes each result
# as it arrives (before join), then a get with a timeout and get_nowait on
# the empty queue raise queue.Empty.
import multiprocessing as mp
import time


def task(name, seconds, out):
    time.sleep(seconds)
    out.put((name, seconds))


if __name__ == "__main__":
    out = mp.Queue()
    jobs = [("slow", 0.3), ("fast", 0.05), ("medium", 0.15)]
    procs = [mp.Process(target=task, args=(n, s, out)) for n, s in jobs]
    start = time.perf_counter()
    for p in procs:
        p.start()
    for _ in procs:
        name, s = out.get()
        print("got", name, round(time.perf_counter() - start, 1))
    for p in procs:
        p.join()
    print([p.is_alive() for p in procs])
    try:
        out.get(timeout=0.1)
    except Exception as e:
        print(type(e).__name__, type(e).__module__)
    try:
        out.get_nowait()
    except Exception as e:
        print(type(e).__name__)
