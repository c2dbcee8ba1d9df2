#!/bin/sh
# `pydive gil`: the scheduler and copy-on-write models from the command
# line — options, exit statuses, determinism for a seed, JSON, ASCII.  TAP.
cd "$(dirname "$0")/../.." || exit 2
PYDIVE=${PYDIVE:-./pydive}
n=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
notok() { n=$((n + 1)); echo "not ok $n - $1"; shift; for l in "$@"; do echo "# $l"; done; }
expect() { # NAME STATUS CMD...: output in $out
    name=$1; want=$2; shift 2
    out=$("$@" 2>&1); got=$?
    if [ "$got" -eq "$want" ]; then ok "$name"; else notok "$name" "exit $got, wanted $want" "$out"; fi
}
has() { if printf '%s\n' "$out" | grep -qF -- "$2"; then ok "$1"; else notok "$1" "missing: $2" "$out"; fi; }

expect "gil --help exits 0" 0 $PYDIVE gil --help
has "gil --help shows the options" "--regime gil|free|processes"
expect "--help lists gil" 0 $PYDIVE --help
has "--help lists gil" "pydive gil"

expect "gil runs with defaults" 0 $PYDIVE gil
has "prints the totals" "Totals"
has "prints hand-offs under the GIL" "GIL hand-offs"
has "prints the speed-up table" "Speed-up against thread count"
for t in 1 2 4 8 16 72; do
    printf '%s\n' "$out" | grep -qE "^ +$t +[0-9]" && ok "speed-up row for $t threads" \
        || notok "speed-up row for $t threads" "$out"
done
has "prints a GIL lane" "  GIL |"
has "prints the legend" "waiting for the GIL"
if printf '%s\n' "$out" | LC_ALL=C grep -q '[^ -~]'; then notok "output is plain ASCII"
else ok "output is plain ASCII"; fi

a=$($PYDIVE gil --workload mixed --threads 16 --cores 4 --seed 5 --seconds 0.3 2>&1)
b=$($PYDIVE gil --workload mixed --threads 16 --cores 4 --seed 5 --seconds 0.3 2>&1)
c=$($PYDIVE gil --workload mixed --threads 16 --cores 4 --seed 6 --seconds 0.3 2>&1)
[ "$a" = "$b" ] && ok "same seed, same output" || notok "same seed, same output"
[ "$a" != "$c" ] && ok "another seed, another run" || notok "another seed, another run"

expect "free-threaded io on 8 cores" 0 $PYDIVE gil --regime free --workload io --threads 72 --cores 8 --seconds 0.5
has "free-threaded run names its regime" "free-threaded build"
expect "processes run" 0 $PYDIVE gil --regime processes --threads 72 --heap-mb 64 --seconds 0.5
has "processes print memory" "Memory: parent heap 64 MiB, 72 workers"
has "processes compare with threads" "one process, N threads (free-threaded build)"
has "processes pay start-up" "process start-up"

expect "--json exits 0" 0 $PYDIVE gil --json --regime processes --heap-mb 16 --seconds 0.2
has "--json has a schema" '"schema": 1'
has "--json lists parameters with provenance" '"estimate": true'
if command -v python3 >/dev/null 2>&1; then
    printf '%s\n' "$out" | python3 -m json.tool >/dev/null 2>&1 && ok "--json is valid JSON" \
        || notok "--json is valid JSON" "$out"
fi
expect "--params exits 0" 0 $PYDIVE gil --params
has "--params cites ceval_gil.c" "ceval_gil.c"
has "--params flags estimates" "estimate"
expect "--set changes a parameter" 0 $PYDIVE gil --threads 2 --cores 2 --seconds 0.1 --set switch_interval_us=1000
has "1 ms interval: ~1000 hand-offs/s" "GIL hand-offs       95 (950.0/s"
expect "a minute for 72 threads" 0 $PYDIVE gil --threads 72 --seconds 60 --lanes 0

expect "unknown regime exits 2" 2 $PYDIVE gil --regime nogil
expect "unknown workload exits 2" 2 $PYDIVE gil --workload sleepy
has "unknown workload lists the presets" "cpu, io, mixed"
expect "zero threads exits 2" 2 $PYDIVE gil --threads 0
expect "bad --set exits 2" 2 $PYDIVE gil --set nope=1
expect "out-of-range --set exits 2" 2 $PYDIVE gil --set force_switching=7
expect "unknown option exits 2" 2 $PYDIVE gil --frobnicate

# ---- pydive lab (the GIL lab on the command line) ------------------------------
lab=$(mktemp -d)
printf '# two runs\nthreads 4\ncores 4\nrun\nregime free\nrun\n' > "$lab/ok.gil"
expect "lab runs a .gil program (model from the extension)" 0 $PYDIVE lab "$lab/ok.gil"
has "the GIL run is about 1x" "run 1: default build (GIL), 4 workers on 4 cores"
has "the free-threaded run follows" "run 2: free-threaded build, 4 workers on 4 cores"
expect "--step stops before a line" 0 $PYDIVE lab "$lab/ok.gil" --step 3
has "it says where" "(stopped before line 5)"
printf 'threads 4\ncores 4\nrnu\nrun\n' > "$lab/bad.gil"
expect "a program that does not read exits 1" 1 $PYDIVE lab "$lab/bad.gil"
has "the error names file:line:col" "bad.gil:3:1: error: unknown directive 'rnu'"
expect "render lab of a program that does not read" 0 \
    $PYDIVE render lab --program "$lab/bad.gil" --size 120x16
has "the marker is on the line with the error" "3 ▸ rnu"
has "the error shows whole beside it" "bad.gil:3:1: error: unknown directive 'rnu'"
expect "--reference prints every lab's card" 0 $PYDIVE lab --reference
has "the GIL card is there" "GIL scheduler lab (--model gil, files .gil):"
has "the C-API card is there" "C-API ownership lab (--model capi, files .c):"
expect "a file of no known lab is a usage error" 2 $PYDIVE lab "$lab/bad.txt"
rm -rf "$lab"

echo "1..$n"
