# At most two "downloads" at once, enforced with a threading.Semaphore; the
# program counts how many ran concurrently (under a Lock) and times the run.
import threading
import time

limit = threading.Semaphore(2)
lock = threading.Lock()
running = 0
peak = 0
finished = []


def download(name):
    global running, peak
    with limit:
        with lock:
            running += 1
            peak = max(peak, running)
        time.sleep(0.2)
        with lock:
            running -= 1
            finished.append(name)


start = time.perf_counter()
threads = [threading.Thread(target=download, args=(f"file{i}",)) for i in range(6)]
for t in threads:
    t.start()
for t in threads:
    t.join()
elapsed = time.perf_counter() - start
print("finished:", sorted(finished))
print("peak concurrency:", peak)
print("running now:", running)
print("took about", round(elapsed, 1), "s (6 downloads of 0.2 s, 2 at a time)")
print("semaphore value back to:", limit._value)
