# Refused honestly: a Queue subclass with its own _put (Lib/queue.py calls it).
import queue
class Capped(queue.Queue):
    def _put(self, item):
        self.queue.append(min(item, 10))
q = Capped()
