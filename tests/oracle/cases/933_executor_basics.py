# ThreadPoolExecutor as the concurrency chapter first shows it: submit,
# result, map, the with block, and what a Future and an executor hold.
import sys
import threading
from concurrent.futures import Future, ThreadPoolExecutor


def square(x):
    return x * x


def whoami(_):
    return threading.current_thread().name


with ThreadPoolExecutor(max_workers=1) as pool:
    fut = pool.submit(square, 12)
    print(fut.result(), fut.done(), fut.running(), fut.cancelled(), fut.exception())
    print(type(fut).__name__, type(fut).__module__, isinstance(fut, Future))
    print(sys.getsizeof(fut), list(vars(fut)))
    print(sys.getsizeof(pool), list(vars(pool)))
    print(list(pool.map(square, range(6))))
    print(list(pool.map(pow, [2, 3, 4], [5, 2, 1])))
    print(sorted(set(pool.map(whoami, range(3)))))
    print(pool._max_workers, pool._thread_name_prefix, len(pool._threads))
print(pool._shutdown, threading.active_count())

with ThreadPoolExecutor(max_workers=1, thread_name_prefix="loader") as pool:
    print(pool.submit(whoami, None).result())
try:
    pool.submit(square, 1)
except RuntimeError as e:
    print(e)
try:
    ThreadPoolExecutor(max_workers=0)
except ValueError as e:
    print(e)
