# Workers polling until a threading.Event asks them to stop; a Timer sets
# it; each worker reports how many rounds it did (a whole number the
# timing cannot change: every round is 0.1 s, stop comes at 0.55 s).
import threading
import time

stop = threading.Event()
rounds = {}


def worker(name):
    n = 0
    while not stop.wait(0.1):
        n += 1
    rounds[name] = n


threads = [threading.Thread(target=worker, args=(f"w{i}",)) for i in range(3)]
for t in threads:
    t.start()
timer = threading.Timer(0.55, stop.set)
timer.start()
for t in threads:
    t.join()
timer.join()
print(sorted(rounds.items()))
print("stop is set:", stop.is_set())
print("workers alive:", any(t.is_alive() for t in threads))
