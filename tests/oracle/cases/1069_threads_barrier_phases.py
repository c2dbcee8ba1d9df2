# Three workers computing in phases, meeting at a threading.Barrier after
# each phase; the barrier's action records the phase totals.
import threading

N = 3
partial = [0] * N
totals = []


def record():
    totals.append(sum(partial))


barrier = threading.Barrier(N, action=record)


def worker(i):
    for phase in range(3):
        partial[i] = (i + 1) * (phase + 1)
        barrier.wait()


threads = [threading.Thread(target=worker, args=(i,)) for i in range(N)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("phase totals:", totals)
print("broken:", barrier.broken, "waiting:", barrier.n_waiting)
