# Processes and a multiprocessing.Queue as the tutorials use them: workers
# put their results on a queue the parent reads after join(); then a
# producer process feeds a consumer process, None to stop.
import multiprocessing as mp
import time
from multiprocessing import Process, Queue, current_process


def square_worker(numbers, results):
    for n in numbers:
        results.put((current_process().name, n, n * n))


def producer(q, n):
    for i in range(n):
        time.sleep(0.01)
        q.put(f"item-{i}")
        print("produced", i)
    q.put(None)


def consumer(q):
    count = 0
    while True:
        item = q.get()
        if item is None:
            break
        print("consumed", item)
        count += 1
    print("consumer done:", count)


if __name__ == "__main__":
    results = Queue()
    chunks = [[1, 2, 3], [4, 5], [6]]
    procs = [Process(target=square_worker, args=(chunk, results)) for chunk in chunks]
    for p in procs:
        p.start()
    for p in procs:
        p.join()
    print("qsize", results.qsize())
    got = [results.get() for _ in range(6)]
    print(sorted(got, key=lambda t: t[1]))
    print(results.empty(), [p.exitcode for p in procs])

    q = mp.Queue()
    p = mp.Process(target=producer, args=(q, 4), name="producer")
    c = mp.Process(target=consumer, args=(q,), name="consumer")
    p.start()
    p.join()
    c.start()
    c.join()
    print(p.exitcode, c.exitcode, q.empty(), q.qsize())
