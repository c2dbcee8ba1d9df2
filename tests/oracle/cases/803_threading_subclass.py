# Subclassing Thread: run() does the work, the result stays on the object.
import threading


class Squarer(threading.Thread):
    def __init__(self, numbers):
        super().__init__()
        self.numbers = numbers
        self.result = None

    def run(self):
        self.result = [n * n for n in self.numbers]


class Named(threading.Thread):
    def __init__(self, label):
        super().__init__(name=label, daemon=False)
        self.done = False

    def run(self):
        self.done = True


jobs = [Squarer(range(k, k + 3)) for k in (1, 10, 100)]
for j in jobs:
    j.start()
for j in jobs:
    j.join()
print([j.result for j in jobs])
print([j.name for j in jobs])
n = Named("loader")
print(n.name, n.daemon, n.done, n.is_alive())
n.start()
n.join()
print(n.name, n.done, n.is_alive())
