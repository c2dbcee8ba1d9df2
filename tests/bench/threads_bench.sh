#!/bin/sh
# The simulated interpreter's threads (pyrun/vm_threads.c on sim/vmsched.h):
# simulated seconds per wall second for tests/bench/threads72.py (72 Python
# threads taking turns on the GIL, CPU-bound stretches and sleeps), which
# prints the simulated seconds it took (time.perf_counter runs on the model's
# clock); the wall time is the whole `pydive run`.  Median of RUNS runs
# (default 5) with min-max (the machine's noise).  Under 3.11 (the GIL) and
# under 3.13t (the threads at once on the model's 2 cores, biased counting's
# costs on every count change).
cd "$(dirname "$0")/../.." || exit 2
RUNS=${RUNS:-5}
[ -x ./pydive ] || make --no-print-directory pydive >/dev/null || exit 1
for ver in 3.11 3.13t; do
i=0
while [ "$i" -lt "$RUNS" ]; do
    t0=$(date +%s.%N)
    sim=$(./pydive run --python $ver tests/bench/threads72.py 2>/dev/null) || { echo "threads72: pydive failed" >&2; exit 1; }
    t1=$(date +%s.%N)
    echo "$sim $t0 $t1"
    i=$((i + 1))
done | awk -v ver="$ver" '{ r[NR] = $1 / ($3 - $2); w[NR] = $3 - $2; s = $1 }
    function sort(a, n,   i, j, t) { for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++)
        if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t } }
    END { n = NR; sort(r, n); sort(w, n)
          printf "threads72 (72 threads, %s): %.3f simulated s per wall s (min %.3f  max %.3f); %.3f simulated s in %.2f s wall (median)\n",
                 ver, r[int((n + 1) / 2)], r[1], r[n], s, w[int((n + 1) / 2)] }'
done
