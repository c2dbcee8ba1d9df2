# Producer and consumers on a queue.Queue, stopped with one sentinel per
# consumer (the pattern most tutorials show); results joined in order.
import queue
import threading

SENTINEL = None


def producer(q, n, consumers):
    for i in range(n):
        q.put(i)
    for _ in range(consumers):
        q.put(SENTINEL)


def consumer(q, results, lock):
    handled = 0
    while True:
        item = q.get()
        if item is SENTINEL:
            q.task_done()
            break
        with lock:
            results.append(item * item)
        handled += 1
        q.task_done()
    return handled


def main():
    q = queue.Queue(maxsize=5)
    results = []
    lock = threading.Lock()
    workers = [threading.Thread(target=consumer, args=(q, results, lock), name=f"consumer-{i}") for i in range(3)]
    for w in workers:
        w.start()
    p = threading.Thread(target=producer, args=(q, 20, len(workers)))
    p.start()
    p.join()
    q.join()
    for w in workers:
        w.join()
    print("items:", len(results))
    print("sum of squares:", sum(results))
    print("sorted head:", sorted(results)[:5])
    print("queue empty:", q.empty(), "unfinished:", q.unfinished_tasks)
    print("alive:", [w.is_alive() for w in workers])
    print("threads now:", threading.active_count())


main()
