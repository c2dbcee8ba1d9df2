# Condition.wait_for: consumers that each wait for enough items, a timeout
# that returns the predicate's last false value, a predicate true at once
# (no lock needed), wait() refusing an un-acquired lock, and how many times
# the predicate runs between notifications.
import sys
import threading
import time

items = []
cond = threading.Condition()
log = []


def consumer(name, want):
    with cond:
        got = cond.wait_for(lambda: len(items) >= want)
        log.append((name, got, len(items)))


def producer():
    for i in range(5):
        time.sleep(0.01)
        with cond:
            items.append(i)
            cond.notify_all()


workers = [threading.Thread(target=consumer, args=("c%d" % k, k)) for k in (2, 4)]
for w in workers:
    w.start()
p = threading.Thread(target=producer)
p.start()
p.join()
for w in workers:
    w.join()
print(sorted(log))

# a timeout: the predicate's last (false) result comes back
with cond:
    start = time.monotonic()
    r = cond.wait_for(lambda: len(items) > 10, timeout=0.05)
    waited = time.monotonic() - start
print(r, 0.04 < waited < 0.2)

# already true: returns at once with the predicate's value, even unlocked
print(cond.wait_for(lambda: items[-1]))
print(cond.wait_for(lambda: "ready", timeout=0))

# false, lock not held: RuntimeError from wait()
try:
    cond.wait_for(lambda: 0)
except RuntimeError as e:
    print("RuntimeError:", e)

with cond:
    print(cond.wait_for(lambda: [], 0))

calls = []
def pred():
    calls.append(1)
    return len(calls) >= 3

def poke():
    for _ in range(4):
        time.sleep(0.01)
        with cond:
            cond.notify()

t = threading.Thread(target=poke)
t.start()
with cond:
    print(cond.wait_for(pred), len(calls))
t.join()
print(sys.getrefcount(pred))
