#!/bin/sh
# make bench: the model against CPython on the same machine, same run.
#   1. collect 1,000,000 objects in 500,000 two-object cycles
#      (model: gc_collect on the heap; CPython: gc.collect() in python3)
#   2. the model's raw allocate/free rate (1,000,000 bytes objects)
#   3. the fragmentation programs s13/s14: whole-program time, pydive vs python3
# Prints medians of RUNS runs (default 5) and the ratios.
cd "$(dirname "$0")/../.." || exit 2
RUNS=${RUNS:-5}
PY=${PYTHON:-python3}
[ -f build/libpydive.a ] || make --no-print-directory pydive >/dev/null || exit 1
cc -O2 -std=c11 -Iapp -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -o build/bench_sim \
    tests/bench/bench_sim.c build/libpydive.a -lm || exit 1
model=$(build/bench_sim "$RUNS")
# CPython's side: tests/bench/cpython_gc.py (the oracle branch's script) when
# present, else the same shape inline
if [ -f tests/bench/cpython_gc.py ]; then
    cpy=$($PY -S -s tests/bench/cpython_gc.py 500000 "$RUNS")
else
    tmp=$(mktemp); trap 'rm -f "$tmp"' EXIT
    cat >"$tmp" <<'PYEOF'
import gc, sys, time
runs = int(sys.argv[1])
gc.disable()
times = []
for r in range(runs):
    for i in range(500000):
        a = []
        b = [a]
        a.append(b)
    a = b = None
    t0 = time.perf_counter()
    gc.collect()
    times.append(time.perf_counter() - t0)
times.sort()
print("cpython_gc_collect_seconds %.6f" % times[len(times) // 2])
PYEOF
    cpy=$($PY -S -s "$tmp" "$RUNS")
fi
echo "$model"
echo "$cpy"
mc=$(echo "$model" | awk '/model_collect_1M/ {print $2}')
ma=$(echo "$model" | awk '/model_alloc_free_1M/ {print $2}')
cc_=$(echo "$cpy" | awk '/cpython_gc_collect_seconds/ {print $2}')
awk -v m="$mc" -v c="$cc_" 'BEGIN { printf "ratio collect model/cpython = %.3f (target <= 0.5)\n", m / c }'
awk -v a="$ma" 'BEGIN { printf "model alloc+free rate = %.1f M objects/s\n", 1 / a }'
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
for prog in tests/oracle/shared/s13_arena_hold.py tests/oracle/shared/s14_arena_release.py; do
    b=$(basename "$prog" .py)
    tp=$(for i in $(seq "$RUNS"); do
        s=$(date +%s.%N); ./pydive run --python 3.11 "$prog" >/dev/null 2>&1; e=$(date +%s.%N)
        echo "$e - $s" | bc; done | median)
    tc=$(for i in $(seq "$RUNS"); do
        s=$(date +%s.%N); $PY -S -s "$prog" >/dev/null 2>&1; e=$(date +%s.%N)
        echo "$e - $s" | bc; done | median)
    awk -v p="$tp" -v c="$tc" -v n="$b" 'BEGIN { printf "%s pydive %.4f s, python3 %.4f s, ratio %.3f (target <= 1)\n", n, p, c, p / c }'
done
