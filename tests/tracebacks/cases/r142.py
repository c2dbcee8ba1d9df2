# A worker thread fails and nobody catches it: threading.excepthook's
# default prints "Exception in thread NAME (target):" and the traceback,
# starting in threading.py, and the main thread goes on.
import threading

results = {}


def average(name, values):
    results[name] = sum(values) / len(values)


threads = [
    threading.Thread(target=average, args=("a", [1, 2, 3])),
    threading.Thread(target=average, args=("b", [])),
    threading.Thread(target=average, args=("c", [10])),
]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(results.items()))
