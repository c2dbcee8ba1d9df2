# Queue, LifoQueue and PriorityQueue: their order, their limits and the
# exceptions of the non-blocking calls.
import queue
import sys

fifo, lifo, prio = queue.Queue(), queue.LifoQueue(), queue.PriorityQueue()
for i, word in enumerate(["pear", "fig", "apple", "kiwi"]):
    fifo.put(word)
    lifo.put(word)
    prio.put((len(word), i, word))
print([fifo.get() for _ in range(4)])
print([lifo.get() for _ in range(4)])
print([prio.get() for _ in range(4)])

for q in (fifo, lifo, prio):
    try:
        q.get_nowait()
    except queue.Empty as e:
        print(type(q).__name__, "empty:", repr(e), e.args)

box = queue.Queue(maxsize=2)
box.put("a")
box.put_nowait("b")
print(box.full(), box.qsize(), box.maxsize)
try:
    box.put("c", block=False)
except queue.Full:
    print("full")
try:
    box.put("c", timeout=0.01)
except queue.Full as e:
    print("still full", repr(e))
print(box.get(), box.get(timeout=1), box.empty(), box.full())

try:
    box.get(timeout=-1)
except ValueError as e:
    print(e)
try:
    box.task_done()
    box.task_done()
    box.task_done()
except ValueError as e:
    print(e, box.unfinished_tasks)

print(queue.Empty, queue.Full, queue.Empty.__mro__[1:])
print(issubclass(queue.LifoQueue, queue.Queue), type(fifo.queue).__name__, type(prio.queue).__name__)
print(sys.getsizeof(fifo), sys.getsizeof(fifo.__dict__), sys.getsizeof(fifo.queue), sys.getsizeof(prio.queue))
print(sys.getrefcount(fifo), sys.getrefcount(fifo.not_full), len(fifo.not_empty._waiters))
print(list(vars(fifo))[:7])
print(sys.getrefcount(fifo.mutex), fifo.not_empty._lock is fifo.mutex)
