# Futures that fail, time out or are cancelled; done callbacks; wait().
import time
from concurrent.futures import (ALL_COMPLETED, FIRST_COMPLETED, FIRST_EXCEPTION, CancelledError,
                                ThreadPoolExecutor, wait)


def slow(x):
    time.sleep(x)
    return x


def bad(x):
    time.sleep(0.05)
    raise KeyError(x)


log = []


def on_done(f):
    log.append(("done", f.result()))


ex = ThreadPoolExecutor(max_workers=1)
a = ex.submit(slow, 0.2)
b = ex.submit(slow, 0.1)
c = ex.submit(slow, 0.3)
print(b.cancel(), b.cancelled(), b.done(), a.running(), a.cancel())
a.add_done_callback(on_done)
try:
    b.result()
except CancelledError as e:
    print("cancelled:", repr(e))
try:
    c.result(timeout=0.01)
except TimeoutError as e:
    print("timeout:", type(e).__name__, c.done())
print(a.result(), log)
done, pending = wait([c], timeout=5)
print(len(done), len(pending), c.result())
e = ex.submit(bad, "k")
print(repr(e.exception()))
try:
    e.result()
except KeyError as err:
    print("raised", err, err is e.exception())
f1 = ex.submit(slow, 0.3)
f2 = ex.submit(bad, 1)
r = wait([f1, f2], return_when=FIRST_EXCEPTION)
print(len(r.done), len(r.not_done), r.done == {f1, f2}, type(r).__name__)
f3 = ex.submit(slow, 0.5)
f4 = ex.submit(slow, 0.1)
r = wait([f3, f4], timeout=0.2, return_when=FIRST_COMPLETED)
print(len(r.done), len(r.not_done), f3 in r.done)
print(wait([f3, f4], return_when=ALL_COMPLETED).not_done)
print(ex.submit(pow, 2, 10).result(), type(ex.submit(int, "zz").exception()).__name__)
ex.shutdown()
