#!/bin/sh
# make bench: pydive beside CPython 3.11.7 on the same machine, in one run.
#   1. workloads: whole programs of our own (tests/bench/programs/) and the
#      fragmentation programs s13/s14, `pydive run --python 3.11` against the
#      CPython interpreter binary; ratio pydive/CPython, goal <= 1.0
#   2. the 10^6-object collection: the model's gc_collect against CPython's
#      gc.collect() on 500,000 two-list cycles, each timed in its process;
#      goal <= 0.5
#   3. start-up: `pydive list` (goal 10 ms) and `pydive validate` (30 ms),
#      and each against CPython's own start (python -S -s -c pass)
#   4. view frames at 200x60 with 100,000 live objects (goal 1 ms each)
#   5. the paused --watch screen's CPU; 6. the model's allocate/free rate;
#   7. the GIL scheduler and 8. the event-loop model (simulated s per wall s);
#   9. 72 Python threads on the simulated interpreter (simulated s per wall s)
# Pairs run alternately (pydive, CPython, pydive, ...) RUNS times each
# (default 7): a ratio is the median of the pair ratios, and min-max is the
# machine's noise.  CPython is always the interpreter binary, never the pyenv
# `python3` shim (a shell script that adds 50-300 ms to every start): PYTHON
# may name another binary.  Instruction counts of the four workloads, the
# figure that holds on a loaded machine: tests/bench/callgrind.sh.
cd "$(dirname "$0")/../.." || exit 2
RUNS=${RUNS:-7}

# The interpreter binary: PYTHON, else pyenv's 3.11.7, else what the
# `python3` on PATH says it runs (sys.executable); a script is refused.
PY=${PYTHON:-}
if [ -z "$PY" ]; then
    root=$(pyenv root 2>/dev/null || echo "$HOME/.pyenv")
    PY=$root/versions/3.11.7/bin/python3.11
    [ -x "$PY" ] || PY=$(python3 -c 'import sys; print(sys.executable)' 2>/dev/null)
fi
if [ ! -x "$PY" ] || [ "$(head -c 2 "$PY")" = "#!" ]; then
    echo "bench: no CPython interpreter binary (got '$PY'); set PYTHON=/path/to/python3.11" >&2
    exit 1
fi
echo "CPython: $PY ($("$PY" -S -c 'import sys; print(sys.version.split()[0])')), $RUNS runs of each side"
PYRUN="env -i PYTHONHASHSEED=0 $PY -S -s"

[ -f build/libpydive.a ] || make --no-print-directory pydive >/dev/null || exit 1
LIBS="$(pkg-config --libs ncursesw lua5.4 yaml-0.1) -lm"
build() { # NAME: tests/bench/NAME.c -> build/NAME
    cc -O2 -std=c11 -Iapp -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -o "build/$1" \
        "tests/bench/$1.c" build/libpydive.a $LIBS || exit 1
}
build bench_pair
build bench_sim
build bench_views
status=0

echo
echo "== 1. workloads: pydive run --python 3.11 / CPython (goal <= 1.0)"
for prog in tests/bench/programs/*.py tests/oracle/shared/s13_arena_hold.py \
            tests/oracle/shared/s14_arena_release.py; do
    name=$(basename "$prog" .py)
    # the same output, or the ratio compares a refusal with a run (stdout:
    # s13/s14's stderr is sys._debugmallocstats, whose arena figures the
    # oracle suite compares)
    if [ "$(./pydive run --python 3.11 "$prog" 2>/dev/null)" != "$($PYRUN "$prog" 2>/dev/null)" ]; then
        echo "$name: pydive's output differs from CPython's; not timed"; status=1; continue
    fi
    build/bench_pair "$RUNS" "$name" "<=1.0" -- ./pydive run --python 3.11 "$prog" \
        -- $PYRUN "$prog" || status=1
done

echo
echo "== 2. collecting 1,000,000 objects (500,000 two-list cycles): model / CPython (goal <= 0.5)"
echo "   (the model as \`pydive run\` runs it, its event ring off; bench_sim's model_collect_1M_events has it on)"
pairs=$(for i in $(seq "$RUNS"); do
    m=$(build/bench_sim 1 | awk '$1 == "model_collect_1M" {print $2}')
    c=$($PYRUN tests/bench/cpython_gc.py 500000 1 | awk '/cpython_gc_collect_seconds/ {print $2}')
    echo "$m $c"
done)
echo "$pairs" | awk '{ r[NR] = $1 / $2; m[NR] = $1; c[NR] = $2 }
    function med(a, n,   i, j, t) { for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++)
        if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t } return a[int((n + 1) / 2)] }
    END { n = NR; mm = med(m, n); mc = med(c, n); mr = med(r, n)
          printf "%-22s ratio %6.2f  (min %5.2f  max %5.2f)  goal <=0.5   model %8.1f ms  cpython %8.1f ms\n",
                 "collect_1M", mr, r[1], r[n], mm * 1e3, mc * 1e3 }'

echo
echo "== 3. start-up (goals: list 10 ms, validate 30 ms)"
build/bench_pair "$((RUNS * 3))" "list" "<=10ms" -- ./pydive list || status=1
build/bench_pair "$((RUNS * 3))" "validate" "<=30ms" -- ./pydive validate || status=1
build/bench_pair "$((RUNS * 3))" "python -c pass" "-" -- $PYRUN -c pass || status=1
build/bench_pair "$((RUNS * 3))" "list/python start" "-" -- ./pydive list -- $PYRUN -c pass
build/bench_pair "$((RUNS * 3))" "validate/python" "-" -- ./pydive validate -- $PYRUN -c pass

echo
echo "== 4. view frames: snapshot + draw"
build/bench_views $((RUNS * 7))

echo
echo "== 5. the --watch screen's CPU (goal: under 5% of a core while paused)"
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
    awk -v a="$a" -v b="$b" -v hz="$hz" 'BEGIN { printf "watch_idle_cpu_percent %.2f (goal < 5)\n", (b - a) / hz / 10 * 100 }'
    tmux -L "$T" send-keys -t b '+' '+' '+' '+' '+' '+' r
    a=$(ticks "$pid"); sleep 10; b=$(ticks "$pid")
    awk -v a="$a" -v b="$b" -v hz="$hz" 'BEGIN { printf "watch_run_cpu_percent %.2f (10 s from pressing run at top speed: the program ends early, then idles)\n", (b - a) / hz / 10 * 100 }'
    tmux -L "$T" kill-server
else
    echo "(tmux is not installed: skipped)"
fi

echo
echo "== 6. the model's raw allocate/free rate (1,000,000 bytes objects)"
build/bench_sim "$RUNS" | awk '/model_alloc_free_1M/ { printf "model alloc+free rate = %.1f M objects/s\n", 1 / $2 }'

echo
echo "== 7. the GIL scheduler; 8. the event-loop model"
[ -x tests/bench/gil_bench.sh ] && tests/bench/gil_bench.sh
[ -x tests/bench/loop_bench.sh ] && tests/bench/loop_bench.sh

echo
echo "== 9. 72 Python threads on the simulated interpreter (simulated s per wall s)"
tests/bench/threads_bench.sh || status=1
exit $status
