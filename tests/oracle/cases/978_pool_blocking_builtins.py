# Pool items that are blocking built-ins, not functions of the program's:
# a worker parked in queue.get() until another item puts, an Event.wait()
# that the producer sets, a Lock.acquire() that waits for the main thread,
# and a get with a timeout that ends in queue.Empty.  Each waits on the
# same clock as a thread would.
import queue
import threading
import time
from concurrent.futures import ThreadPoolExecutor

jobs = queue.Queue()
ready = threading.Event()
lock = threading.Lock()


def producer():
    time.sleep(0.05)
    jobs.put("job-1")
    time.sleep(0.05)
    ready.set()
    return "produced"


start = time.perf_counter()
with ThreadPoolExecutor(max_workers=4) as pool:
    got = pool.submit(jobs.get)
    waited = pool.submit(ready.wait)
    made = pool.submit(producer)
    print(got.done(), waited.done())
    print(got.result(), waited.result(), made.result())
    print("took", round(time.perf_counter() - start, 1))

lock.acquire()
with ThreadPoolExecutor(2) as pool:
    blocked = pool.submit(lock.acquire)
    patient = pool.submit(lock.acquire, timeout=0.1)
    time.sleep(0.2)
    print("while the main thread holds it:", blocked.done(), patient.done(), patient.result())
    lock.release()
    print("after release:", blocked.result(), lock.locked())
lock.release()
print("took", round(time.perf_counter() - start, 1))

with ThreadPoolExecutor(2) as pool:
    fut = pool.submit(jobs.get, timeout=0.1)
    try:
        fut.result()
    except queue.Empty:
        print("nothing came after", round(time.perf_counter() - start, 1))
    print(type(fut.exception()).__name__, fut.done())
    ready.clear()
    timed = pool.submit(ready.wait, 0.1)
    never = pool.submit(ready.wait, timeout=0.05)
    print(timed.result(), never.result(), ready.is_set())
print("took", round(time.perf_counter() - start, 1))
