# cumulative=True changes nothing when tracebacks have one frame
import tracemalloc


def load(n):
    return [str(i).zfill(8) for i in range(n)]


tracemalloc.start()
data = load(2000)
extra = bytes(4096)
snap = tracemalloc.take_snapshot()
plain = [(s.traceback[0].lineno, s.size, s.count) for s in snap.statistics("lineno")]
cum = [(s.traceback[0].lineno, s.size, s.count) for s in snap.statistics("lineno", cumulative=True)]
print(plain == cum)
print(plain)
tracemalloc.stop()
