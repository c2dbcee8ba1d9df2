# The classic race fixed with a lock: every increment happens under it, so
# the final count is exact whatever the schedule.
import sys
import threading

counter = 0
lock = threading.Lock()


def increment(times):
    global counter
    for _ in range(times):
        with lock:
            counter += 1


def increment_explicit(times):
    global counter
    for _ in range(times):
        lock.acquire()
        try:
            counter += 1
        finally:
            lock.release()


workers = [threading.Thread(target=increment, args=(5000,)) for _ in range(3)]
workers.append(threading.Thread(target=increment_explicit, args=(5000,)))
for w in workers:
    w.start()
for w in workers:
    w.join()
print("counter:", counter)
print("locked after:", lock.locked())
print(type(lock).__name__, sys.getsizeof(lock), sys.getrefcount(lock))
print(lock.acquire(), lock.acquire(blocking=False), lock.acquire(timeout=0.01))
lock.release()
print(lock.locked())
try:
    lock.release()
except RuntimeError as e:
    print("RuntimeError:", e)
