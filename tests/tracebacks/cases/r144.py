# Producer and consumer on a queue.Queue: the consumer chokes on a bad item
# and dies; its exception goes to the default threading.excepthook.  A
# target that is a built-in (int) fails with no frame of the program's.
import queue
import threading

q = queue.Queue()


def consumer():
    total = 0
    while True:
        item = q.get()
        if item is None:
            break
        total += 100 // item
        q.task_done()
    print("total", total)


c = threading.Thread(target=consumer, name="consumer")
c.start()
for x in [5, 4, 0, 2]:
    q.put(x)
c.join()
print("consumer alive:", c.is_alive(), "left:", q.qsize())
b = threading.Thread(target=int, args=("seven",))
b.start()
b.join()
