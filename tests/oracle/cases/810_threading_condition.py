# Producer and consumers on a Condition: consumers wait while the buffer is
# empty, the producer notifies after each item, then tells everyone to stop.
import sys
import threading

buffer = []
finished = False
cond = threading.Condition()
taken = []


def consumer(name):
    while True:
        with cond:
            while not buffer and not finished:
                cond.wait()
            if not buffer:
                return
            item = buffer.pop(0)
        taken.append((name, item))


def producer(count):
    global finished
    for i in range(count):
        with cond:
            buffer.append(i * i)
            cond.notify()
    with cond:
        finished = True
        cond.notify_all()


consumers = [threading.Thread(target=consumer, args=(f"c{k}",)) for k in range(3)]
for c in consumers:
    c.start()
p = threading.Thread(target=producer, args=(10,))
p.start()
p.join()
for c in consumers:
    c.join()
print(sorted(item for _, item in taken))
print(len(taken), buffer, finished)
with cond:
    print(cond.wait(timeout=0.01))
    cond.notify(2)
    cond.notify_all()
try:
    cond.wait()
except RuntimeError as e:
    print("RuntimeError:", e)
plain = threading.Condition(threading.Lock())
print(list(vars(cond)), list(vars(plain)))
print(sys.getsizeof(cond), sys.getrefcount(cond))
