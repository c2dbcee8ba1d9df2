# CPython's own gc.collect() on the bench shape: 500,000 two-list cycles.
import gc, sys, time
runs = int(sys.argv[1]) if len(sys.argv) > 1 else 5
gc.disable()
times = []
for r in range(runs):
    for i in range(500000):
        a = []
        b = [a]
        a.append(b)
    a = b = None
    t0 = time.perf_counter()
    n = gc.collect()
    times.append(time.perf_counter() - t0)
times.sort()
print("cpython_collect_1M %.6f" % times[len(times) // 2])
