#!/bin/sh
# Instruction counts of the four workloads (tests/bench/programs/w*.py, their
# loops scaled to a tenth) under callgrind: the figure that holds on a shared
# machine, where wall time is noise.  Usage: tests/bench/callgrind.sh [PYDIVE]
# Prints one line per workload: instructions of the run itself and, when the
# run was timing-sensitive (gc_timing.c), how many re-runs it forked and the
# instructions of the first.
cd "$(dirname "$0")/../.." || exit 2
PYDIVE=${1:-./pydive}
command -v valgrind >/dev/null || { echo "callgrind.sh: valgrind is not installed" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for prog in tests/bench/programs/w*.py; do
    name=$(basename "$prog" .py)
    sed -e 's/range(200000)/range(20000)/' -e 's/range(2000000)/range(200000)/' -e 's/range(0, 200000, 50)/range(0, 20000, 50)/' \
        -e 's/range(120000)/range(12000)/' -e 's/range(5000)/range(500)/' "$prog" >"$tmp/$name.py"
    valgrind --tool=callgrind --callgrind-out-file="$tmp/cg.%p" "$PYDIVE" run --python 3.11 "$tmp/$name.py" \
        >/dev/null 2>"$tmp/err" || { echo "$name: the run failed"; continue; }
    counts=$(grep -o 'Collected : [0-9]*' "$tmp/err" | awk '{print $3}')
    main=$(echo "$counts" | tail -n 1) # the parent ends last
    reruns=$(($(echo "$counts" | wc -l) - 1))
    if [ "$reruns" -gt 0 ]; then
        printf '%-16s %13s instructions, %d gc-timing re-runs of %s each\n' "$name" "$main" "$reruns" \
            "$(echo "$counts" | head -n 1)"
    else
        printf '%-16s %13s instructions\n' "$name" "$main"
    fi
done
