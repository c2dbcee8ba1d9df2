# multiprocessing.JoinableQueue as tutorials teach it: the parent queues
# the work, starts the workers, and tasks.join() returns once every item
# was marked task_done(); a None per worker tells it to stop.  Then a
# single worker timed, join() on a queue with nothing left, and the
# ValueError of one task_done() too many.
import time
from multiprocessing import JoinableQueue, Process, Queue, current_process


def worker(tasks, results):
    handled = 0
    while True:
        n = tasks.get()
        if n is None:
            tasks.task_done()
            break
        time.sleep(0.01 * n)
        results.put((n, n * n))
        handled += 1
        tasks.task_done()


def slow_worker(tasks):
    while True:
        item = tasks.get()
        try:
            if item is None:
                return
            time.sleep(item)
            print(current_process().name, "slept", item)
        finally:
            tasks.task_done()


if __name__ == "__main__":
    tasks = JoinableQueue()
    results = Queue()
    for n in [3, 1, 4, 1, 5]:
        tasks.put(n)
    for _ in range(2):
        tasks.put(None)
    print(type(tasks).__name__, tasks.qsize())
    workers = [Process(target=worker, args=(tasks, results)) for _ in range(2)]
    for w in workers:
        w.start()
    tasks.join()
    print("all done", tasks.empty())
    print(sorted(results.get() for _ in range(5)))
    for w in workers:
        w.join()
    print([w.exitcode for w in workers])

    jobs = JoinableQueue()
    for d in (0.1, 0.2, 0.1):
        jobs.put(d)
    jobs.put(None)
    start = time.perf_counter()
    p = Process(target=slow_worker, args=(jobs,), name="sleeper")
    p.start()
    jobs.join()
    print("joined after", round(time.perf_counter() - start, 1))
    p.join()
    print(p.exitcode, jobs.empty())

    q = JoinableQueue()
    q.put("a")
    q.put("b")
    print(q.get(), q.get())
    q.task_done()
    q.task_done()
    q.join()
    print("nothing left to wait for")
    try:
        q.task_done()
    except ValueError as e:
        print("ValueError:", e)
