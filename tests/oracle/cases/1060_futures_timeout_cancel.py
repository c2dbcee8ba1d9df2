# concurrent.futures: result(timeout=...), cancelling queued work, and
# wait() with FIRST_COMPLETED.
from concurrent.futures import ThreadPoolExecutor, TimeoutError, wait, FIRST_COMPLETED
import time


def job(n, seconds):
    time.sleep(seconds)
    return n * 10


with ThreadPoolExecutor(max_workers=1) as pool:
    slow = pool.submit(job, 1, 0.5)
    queued = pool.submit(job, 2, 0.1)
    try:
        slow.result(timeout=0.1)
    except TimeoutError:
        print("not ready after 0.1 s; running:", slow.running())
    print("cancel queued:", queued.cancel(), "cancelled:", queued.cancelled())
    print("cancel running:", slow.cancel())
    print("slow result:", slow.result())

with ThreadPoolExecutor(max_workers=3) as pool:
    futs = [pool.submit(job, n, s) for n, s in [(1, 0.6), (2, 0.1), (3, 0.4)]]
    done, pending = wait(futs, return_when=FIRST_COMPLETED)
    print("first done:", [f.result() for f in done], "still pending:", len(pending))
    done, pending = wait(futs, timeout=1)
    print("all done:", sorted(f.result() for f in done), len(pending))
