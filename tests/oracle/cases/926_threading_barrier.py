# threading.Barrier: workers that meet between the steps of a computation
# (the last to arrive runs the action), the index each wait() returns in
# arrival order, a barrier reused for several rounds, a timeout that breaks
# it, abort() waking a waiter, reset(), and the objects it holds.
import sys
import threading
import time

b = threading.Barrier(3)
print(list(vars(b)), b.parties, b.n_waiting, b.broken, sys.getsizeof(b))
print(type(b._cond).__name__, type(b._cond._lock).__name__, b._action, b._timeout)
print(threading.BrokenBarrierError.__mro__)
order = []


def worker(name, delay):
    time.sleep(delay)
    i = b.wait()
    order.append((name, i))


ts = [threading.Thread(target=worker, args=(n, d)) for n, d in (("a", 0.15), ("b", 0.05), ("c", 0.1))]
for t in ts:
    t.start()
time.sleep(0.07)
print("waiting:", b.n_waiting)
for t in ts:
    t.join()
print(sorted(order, key=lambda x: x[1]))
print(b.n_waiting, b.broken, b._state, b._count)

# phases of a small simulation: each worker updates its cell, then all meet
cells = [1, 2, 3, 4]
history = []


def snapshot():
    history.append(list(cells))


phase = threading.Barrier(4, action=snapshot)


def step(k):
    for _ in range(3):
        cells[k] *= 2
        phase.wait()


workers = [threading.Thread(target=step, args=(k,)) for k in range(4)]
for w in workers:
    w.start()
for w in workers:
    w.join()
print(history)

# the action runs on the thread that arrives last
log = []
b2 = threading.Barrier(2, action=lambda: log.append(threading.current_thread().name))
t = threading.Thread(target=b2.wait, name="other")
t.start()
time.sleep(0.05)
print(b2.wait())
t.join()
print(log)

# a timeout breaks it, for every later wait too, until reset()
b3 = threading.Barrier(2, timeout=0.02)
try:
    b3.wait()
except threading.BrokenBarrierError as e:
    print("broken:", type(e).__name__, e.args, b3.broken)
try:
    b3.wait()
except threading.BrokenBarrierError:
    print("still broken")
b3.reset()
print(b3.broken, b3.n_waiting)

# abort() wakes a waiter with BrokenBarrierError
b4 = threading.Barrier(2)
res = []


def w4():
    try:
        b4.wait()
    except threading.BrokenBarrierError:
        res.append("aborted")


t = threading.Thread(target=w4)
t.start()
time.sleep(0.05)
print("before abort:", b4.n_waiting)
b4.abort()
t.join()
print(res, b4.broken)

# an action that raises breaks the barrier for the others
b5 = threading.Barrier(2, action=lambda: 1 / 0)
seen = []


def w5():
    try:
        b5.wait()
    except threading.BrokenBarrierError:
        seen.append("broken")


t = threading.Thread(target=w5)
t.start()
time.sleep(0.05)
try:
    b5.wait()
except ZeroDivisionError:
    seen.append("ZeroDivisionError")
t.join()
print(sorted(seen), b5.broken)
print(sys.getrefcount(b5))
