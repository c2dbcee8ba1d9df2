# Workers wait for a start signal (an Event), then each records its result.
import sys
import threading

ready = threading.Event()
results = {}


def worker(name, value):
    ready.wait()
    results[name] = value * 10


workers = [threading.Thread(target=worker, args=(f"w{i}", i)) for i in range(3)]
for w in workers:
    w.start()
print("set before:", ready.is_set())
ready.set()
for w in workers:
    w.join()
print("set after:", ready.is_set())
print(sorted(results.items()))
print(ready.wait(0.01), ready.wait(timeout=0))
ready.clear()
print(ready.is_set(), ready.wait(0.001))
print(sys.getsizeof(ready), sys.getrefcount(ready), sorted(vars(ready)))
