# A semaphore lets at most two workers into the "download" section at once.
import sys
import threading
import time

slots = threading.BoundedSemaphore(2)
state_lock = threading.Lock()
inside = 0
most_inside = 0
done = []


def download(name):
    global inside, most_inside
    with slots:
        with state_lock:
            inside += 1
            most_inside = max(most_inside, inside)
        time.sleep(0.01)
        with state_lock:
            inside -= 1
            done.append(name)


workers = [threading.Thread(target=download, args=(f"file{i}",)) for i in range(6)]
for w in workers:
    w.start()
for w in workers:
    w.join()
print(sorted(done))
print(most_inside <= 2, inside)
print(slots._value, slots.acquire(blocking=False), slots._value)
slots.release()
try:
    slots.release()
except ValueError as e:
    print("ValueError:", e)
s = threading.Semaphore(0)
print(s.acquire(timeout=0.01), s.acquire(False))
s.release(3)
print(s._value, sys.getsizeof(s), sys.getrefcount(s), list(vars(slots)))
