#!/bin/sh
# The simulation's memory budget (issue 20, findings 1 and 4): programs that
# ask for more memory than the modelled address space (run --memory, 16 GiB
# by default) end in MemoryError with CPython 3.11's traceback (recorded with
# `ulimit -v 1000000`; pydive prints no caret lines), exit status 1, in
# bounded time and memory: never a crash, never exit 70.  TAP output.
cd "$(dirname "$0")/../.." || exit 2
PYDIVE=${PYDIVE:-./pydive}
W=$(mktemp -d)
trap 'rm -rf "$W"' EXIT
n=0; fails=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
notok() { n=$((n + 1)); fails=$((fails + 1)); echo "not ok $n - $1"; shift; for l in "$@"; do echo "# $l"; done; }
# RSS is measured only for the plain build (a sanitizer build keeps shadow memory).
case "$PYDIVE" in ./pydive) [ -x /usr/bin/time ] && timer=/usr/bin/time ;; esac

# A hang guard, not a time limit: the sanitizer build runs many times slower.
guard=60
case "$PYDIVE" in *asan*) guard=600 ;; esac

# case NAME MEMORY LINE SOURCE...: the program (lines joined with newlines)
# must fail on LINE with exactly CPython's traceback and MemoryError.
case_() {
    name=$1 mem=$2 line=$3; shift 3
    f=$W/$name.py
    printf '%s\n' "$@" >"$f"
    text=$(sed -n "${line}p" "$f" | sed 's/^ *//')
    printf 'Traceback (most recent call last):\n  File "%s", line %s, in <module>\n    %s\nMemoryError\n' \
        "$f" "$line" "$text" >"$W/want"
    if [ -n "${timer:-}" ]; then
        $timer -f '%M' -o "$W/rss" timeout $guard $PYDIVE run ${mem:+--memory $mem} "$f" >"$W/out" 2>"$W/err"
    else
        timeout $guard $PYDIVE run ${mem:+--memory $mem} "$f" >"$W/out" 2>"$W/err"
    fi
    rc=$?
    if [ "$rc" -ne 1 ]; then
        notok "$name: exit 1 with MemoryError" "exit $rc" "$(tail -n 3 "$W/err")"
    elif ! grep -v '^ *[~^]*$' "$W/err" | cmp -s - "$W/want"; then
        # (the caret line under the failing expression is tests/tracebacks' to check)
        notok "$name: CPython's traceback" "$(diff "$W/err" "$W/want" | head -n 8 | tr '\n' '|')"
    elif [ -n "${timer:-}" ] && [ "$(tail -n 1 "$W/rss")" -gt 1600000 ]; then
        notok "$name: bounded memory" "max RSS $(tail -n 1 "$W/rss") KiB"
    else
        ok "$name ${mem:+(--memory $mem)}: MemoryError on line $line"
    fi
}

# finding 1: one line used to crash (slab shift, free_head[32], list payload)
case_ bytes-1e10 "" 1 'x = bytes(10**10)'
case_ bytearray-1e10 "" 1 'x = bytearray(10**10)'
case_ list-range-1e10 "" 1 'x = list(range(10**10))'
# finding 4: unbounded memory, or exit 70 under ulimit -v
case_ doubling-str 1G 3 'x = "a"' 'while True:' '    x = x + x'
case_ join-1e10 "" 1 "y = ' '.join(['a'*1000000]*10000)"
case_ set-range-1e9 "" 1 's = set(range(10**9))'
case_ tuple-range-1e9 "" 1 't = tuple(range(10**9))'
case_ list-range-1e8 512M 1 'l = list(range(10**8))'
case_ sorted-range-1e8 512M 1 'l = sorted(range(10**8))'
case_ fstring-width-1e10 "" 1 "s = f'{1:>10000000000}'"
case_ repeat-list 1G 1 'l = [None] * 10**9'
case_ repeat-str 1G 1 "s = 'ab' * 10**9"
case_ dict-growth 256M 3 'd = {}' 'for i in range(10**8):' '    d[i] = i'
case_ append-loop 256M 3 'l = []' 'while True:' '    l.append([])'
case_ list-display-loop 64M 3 'l = []' 'while True:' \
    "    l.append([$(seq -s ', ' 0 99)])"

# A caught MemoryError leaves the program running, with nothing half-stored
# (CPython 3.11 prints the same under `ulimit -v 1000000`).
printf '%s\n' 'l = [1]' 'try:' '    l.append(bytes(10**10))' 'except MemoryError as e:' \
    '    print("caught", repr(e), e.args)' 'print(len(l), l)' 'x = bytes(10)' 'print(len(x))' >"$W/catch.py"
timeout 60 $PYDIVE run "$W/catch.py" >"$W/out" 2>"$W/err"
rc=$?
printf 'caught MemoryError() ()\n1 [1]\n10\n' >"$W/want"
if [ "$rc" -eq 0 ] && cmp -s "$W/out" "$W/want"; then ok "a caught MemoryError: the program goes on"
else notok "a caught MemoryError: the program goes on" "exit $rc" "$(cat "$W/out" "$W/err")"; fi

# the budget is an option: a small one refuses what the default allows
printf '%s\n' 'x = bytes(50 * 1024 * 1024)' 'print(len(x))' >"$W/fifty.py"
out=$(timeout 60 $PYDIVE run "$W/fifty.py" 2>&1); rc=$?
[ "$rc" -eq 0 ] && [ "$out" = 52428800 ] && ok "50 MiB fit the default budget" \
    || notok "50 MiB fit the default budget" "exit $rc" "$out"
out=$(timeout 60 $PYDIVE run --memory 32M "$W/fifty.py" 2>&1); rc=$?
[ "$rc" -eq 1 ] && [ "$(printf '%s\n' "$out" | tail -n 1)" = MemoryError ] && ok "--memory 32M refuses them" \
    || notok "--memory 32M refuses them" "exit $rc" "$out"
for bad in 0 4X -1 G 12GiBs; do
    out=$($PYDIVE run --memory "$bad" "$W/fifty.py" 2>&1); rc=$?
    [ "$rc" -eq 2 ] && printf '%s' "$out" | grep -q -- "--memory takes a size" \
        && ok "--memory '$bad' is a usage error" || notok "--memory '$bad' is a usage error" "exit $rc" "$out"
done
$PYDIVE run --help 2>&1 | grep -q -- "--memory SIZE" && ok "run --help shows --memory" \
    || notok "run --help shows --memory"

echo "1..$n"
[ "$fails" -eq 0 ]
