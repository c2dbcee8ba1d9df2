# A bounded buffer written by hand with threading.Condition (wait_for and
# notify_all), as in operating-systems courses.
import threading


class BoundedBuffer:
    def __init__(self, capacity):
        self.items = []
        self.capacity = capacity
        self.cond = threading.Condition()

    def put(self, item):
        with self.cond:
            self.cond.wait_for(lambda: len(self.items) < self.capacity)
            self.items.append(item)
            self.cond.notify_all()

    def get(self):
        with self.cond:
            self.cond.wait_for(lambda: self.items)
            item = self.items.pop(0)
            self.cond.notify_all()
            return item


buf = BoundedBuffer(2)
got = []


def produce():
    for i in range(10):
        buf.put(i)
    buf.put(None)


def consume():
    while (item := buf.get()) is not None:
        got.append(item)


threads = [threading.Thread(target=produce), threading.Thread(target=consume)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(got)
print("left in buffer:", buf.items)
