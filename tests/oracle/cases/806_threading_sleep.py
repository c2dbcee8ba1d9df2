# Threads that sleep release the GIL: the main thread's work is unaffected,
# and joining waits for every sleeper.
import threading
import time

finished = []


def sleeper(name, seconds):
    time.sleep(seconds)
    finished.append(name)


threads = [threading.Thread(target=sleeper, args=(f"s{i}", 0.01)) for i in range(5)]
for t in threads:
    t.start()
total = sum(range(1000))
for t in threads:
    t.join()
print(total, sorted(finished), len(finished))
print(all(not t.is_alive() for t in threads))
d = threading.Thread(target=time.sleep, args=(10,), daemon=True)
d.start()
print(d.daemon, d.is_alive(), threading.active_count())
