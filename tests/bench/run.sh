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

# 4. the views: one frame of each on a 200x60 canvas for a heap of 100,000
#    objects (target: under 1 ms a frame), and the CPU a paused --watch
#    screen uses (target: under 5% of one core while idle)
cc -O2 -std=c11 -Iapp -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE \
    $(pkg-config --cflags ncursesw) -o build/bench_views tests/bench/bench_views.c \
    build/libpydive.a $(pkg-config --libs ncursesw lua5.4 yaml-0.1) -lm || exit 1
build/bench_views 15
if command -v tmux >/dev/null 2>&1; then
    T=pydive-bench-$$
    tmux -L "$T" -f /dev/null new-session -d -s b -x 200 -y 60 \
        "./pydive run tests/oracle/shared/s13_arena_hold.py --python 3.11 --watch"
    sleep 1
    pid=$(pgrep -P "$(tmux -L "$T" display -p -t b '#{pane_pid}')" | head -n 1)
    [ -n "$pid" ] || pid=$(tmux -L "$T" display -p -t b '#{pane_pid}')
    ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
    hz=$(getconf CLK_TCK)
    a=$(ticks "$pid"); sleep 10; b=$(ticks "$pid")
    awk -v a="$a" -v b="$b" -v hz="$hz" 'BEGIN { printf "watch_idle_cpu_percent %.2f (target < 5)\n", (b - a) / hz / 10 * 100 }'
    tmux -L "$T" send-keys -t b '+' '+' '+' '+' '+' '+' r
    a=$(ticks "$pid"); sleep 10; b=$(ticks "$pid")
    awk -v a="$a" -v b="$b" -v hz="$hz" 'BEGIN { printf "watch_run_cpu_percent %.2f (10 s from pressing run at top speed: the program ends early, then idles)\n", (b - a) / hz / 10 * 100 }'
    tmux -L "$T" kill-server
fi

# 5. the GIL scheduler: simulated seconds per wall second for 72 threads
[ -x tests/bench/gil_bench.sh ] && tests/bench/gil_bench.sh

# 6. the event-loop model: simulated seconds per wall second at 1,000 req/s
[ -x tests/bench/loop_bench.sh ] && tests/bench/loop_bench.sh
