import threading
import time

results = []


def fetch(name):
    time.sleep(0.05)  # waiting on the network
    results.append(name)


# a thread each, but each joined before the next starts: the waits do not overlap
for name in "abcd":
    w = threading.Thread(target=fetch, args=(name,))
    w.start()
    w.join()
print(sorted(results))
