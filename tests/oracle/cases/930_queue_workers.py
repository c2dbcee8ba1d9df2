# A work queue shared by worker threads, as the threading chapter writes it:
# workers take jobs until they see the sentinel, the main thread joins the
# queue, then the threads.
import queue
import threading

jobs = queue.Queue()
results = {}
lock = threading.Lock()


def worker(name):
    while True:
        n = jobs.get()
        if n is None:
            jobs.task_done()
            break
        total = sum(i * i for i in range(n))
        with lock:
            results[n] = total
        jobs.task_done()


workers = [threading.Thread(target=worker, args=(f"w{i}",)) for i in range(3)]
for w in workers:
    w.start()
for n in [10, 200, 3000, 45, 7, 1000]:
    jobs.put(n)
jobs.join()
print(sorted(results.items()))
print(jobs.qsize(), jobs.empty(), jobs.unfinished_tasks)
for w in workers:
    jobs.put(None)
for w in workers:
    w.join()
print([w.is_alive() for w in workers], jobs.unfinished_tasks)
