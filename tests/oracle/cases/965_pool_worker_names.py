# A download pool as the tutorials write it: three named workers, five jobs
# of different lengths, a lock around print, as_completed for the results.
# The two jobs that wait for a free worker go to the worker that frees first.
import threading
import time
from concurrent.futures import ThreadPoolExecutor, as_completed

print_lock = threading.Lock()


def log(msg):
    with print_lock:
        print(f"[{threading.current_thread().name}] {msg}")


def download(url, seconds):
    log(f"start {url}")
    time.sleep(seconds)
    log(f"done  {url}")
    return len(url)


jobs = [("a.com", 0.3), ("bb.org", 0.1), ("ccc.net", 0.2), ("dddd.io", 0.04), ("e.dev", 0.09)]
with ThreadPoolExecutor(max_workers=3, thread_name_prefix="dl") as pool:
    futures = {pool.submit(download, url, s): url for url, s in jobs}
    print("submitted", len(futures), "threads", len(pool._threads))
    for fut in as_completed(futures):
        print(futures[fut], fut.result())
    names = sorted(t.name for t in threading.enumerate() if t.name.startswith("dl"))
print(names, threading.active_count())


# One worker, many jobs: the same thread runs them all, in order.
def whoami(i):
    return i, threading.current_thread().name


with ThreadPoolExecutor(max_workers=1, thread_name_prefix="solo") as pool:
    print(list(pool.map(whoami, range(4))))
