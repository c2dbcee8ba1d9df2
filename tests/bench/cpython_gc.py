"""CPython side of the GC benchmark: how long real gc.collect() takes on 1,000,000 objects.

Shape (the simulator must build the same one): N = 500,000 two-object cycles of lists,
    a = []; b = [a]; a.append(b)
kept alive only by a holder list while they are built (automatic GC disabled), then the
holder is dropped, so the 1,000,000 lists are cyclic garbage, and one gc.collect() is timed
with time.perf_counter().  This is repeated RUNS = 5 times (fresh heap each time) and the
median is reported.

Usage:  python3 tests/bench/cpython_gc.py [N] [RUNS]      (defaults 500000 5)

Output (stdout, one "key value..." per line, nothing else):
    cpython_gc_collect_seconds <median seconds, 6 decimals>
    cpython_gc_collected <objects collected by the timed collect, e.g. 1000000>
    cpython_gc_runs <seconds of each run, space separated>
    cpython_version <X.Y.Z>
The harness should read the first two lines by their key; a collected count other than 2*N
means the shape was not what this header says.
"""
import gc
import sys
import time


def build(n):
    holder = []
    for _ in range(n):
        a = []
        b = [a]
        a.append(b)
        holder.append(a)
    return holder


def one_run(n):
    gc.collect()              # start from an empty young generation and empty free lists
    holder = build(n)
    holder = None             # the holder list dies by refcount; the cycles remain
    t0 = time.perf_counter()
    collected = gc.collect()
    t1 = time.perf_counter()
    return t1 - t0, collected


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 500000
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    gc.disable()
    times = []
    collected = None
    for _ in range(runs):
        t, c = one_run(n)
        times.append(t)
        if collected is None:
            collected = c
        elif c != collected:
            print("cpython_gc_warning collected counts differ: %d vs %d" % (c, collected), file=sys.stderr)
    s = sorted(times)
    median = s[len(s) // 2] if len(s) % 2 else (s[len(s) // 2 - 1] + s[len(s) // 2]) / 2
    print("cpython_gc_collect_seconds %.6f" % median)
    print("cpython_gc_collected %d" % collected)
    print("cpython_gc_runs " + " ".join("%.6f" % t for t in times))
    print("cpython_version %d.%d.%d" % sys.version_info[:3])


if __name__ == "__main__":
    main()
