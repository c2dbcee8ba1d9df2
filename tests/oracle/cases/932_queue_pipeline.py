# A bounded producer/consumer pipeline: the producer blocks while the queue
# is full, the consumer blocks while it is empty; a timeout ends the wait.
import queue
import threading
import time

q = queue.Queue(maxsize=2)
seen = []


def producer():
    for i in range(6):
        q.put(i)            # blocks while two items wait
    q.put("done")


def consumer():
    while True:
        item = q.get()
        if item == "done":
            break
        time.sleep(0.01)    # slower than the producer
        seen.append(item * 10)


p = threading.Thread(target=producer)
c = threading.Thread(target=consumer)
c.start()
p.start()
p.join()
c.join()
print(seen, q.qsize())

start = time.monotonic()
try:
    q.get(timeout=0.25)
except queue.Empty:
    waited = time.monotonic() - start
    print("nothing came", 0.25 <= waited < 0.5)


def late():
    time.sleep(0.1)
    q.put("late")


t = threading.Thread(target=late)
t.start()
print(q.get(timeout=2.0))
t.join()
