# Which idle worker of a ThreadPoolExecutor runs the next job: the one that
# has waited longest.  3.13's SimpleQueue hands a put item to the getter
# parked first (this output is 3.13's, the same on every run); 3.11 and 3.12
# wake a getter through a lock and the OS picks, so their runs vary, and
# this order is one of theirs.
import threading
import time
from concurrent.futures import ThreadPoolExecutor


def job(n):
    time.sleep(n * 0.05)
    return threading.current_thread().name


with ThreadPoolExecutor(max_workers=3) as ex:
    futs = [ex.submit(job, n) for n in (3, 1, 2)]
    print([f.result() for f in futs])
    for i in range(4):
        print(ex.submit(job, 0).result())
    futs = [ex.submit(job, n) for n in (1, 1, 1)]
    print([f.result() for f in futs])
