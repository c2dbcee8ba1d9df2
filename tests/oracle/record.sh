#!/bin/sh
# Record what real CPython prints for every oracle case.
#
# Usage: tests/oracle/record.sh [VERSION...]      (default: 3.11 3.12 3.13)
#        CASES='0[0-4]*' tests/oracle/record.sh 3.11   (only cases matching a glob)
#
# For each cases/NAME.py and each VERSION it writes, next to the case:
#   NAME.VERSION.out      stdout, byte for byte
#   NAME.VERSION.lasterr  last line of stderr, only when the program exits non-zero
#                         or (for a case that does not call sys._debugmallocstats)
#                         writes anything to stderr
#   NAME.VERSION.rc       0, only when the program wrote to stderr (a SyntaxWarning)
#                         and still exited 0; NAME.VERSION.warn then holds all of
#                         stderr, the script's directory removed from file names
#   NAME.VERSION.arena    only for cases that call sys._debugmallocstats(): for every
#                         dump after the first, "# arenas allocated current" of that
#                         dump minus that of the first dump, one integer per line
# Every case is run twice; if the two runs differ in any recorded file (or in exit
# status) the script reports it and exits 1 without touching the recorded files of
# that case.  Runs: env -i PYTHONHASHSEED=0 setarch <arch> -R <python> -S -s NAME.py
# from inside cases/ (address randomisation off: arena counts do not wobble).
set -u
here=$(cd "$(dirname "$0")" && pwd)
cases="$here/cases"
versions="$*"
[ -z "$versions" ] && versions="3.11 3.12 3.13"
pattern=${CASES:-*}

find_python() {   # $1 = 3.11 -> path of the newest pyenv build of that minor version
    root=$(pyenv root 2>/dev/null || echo "$HOME/.pyenv")
    p=$(ls -d "$root"/versions/"$1".*/bin/python3 2>/dev/null | sort -V | tail -n 1)
    if [ -z "$p" ]; then p=$(command -v "python$1" 2>/dev/null || true); fi
    echo "$p"
}

noaslr=""
if setarch "$(uname -m)" -R true 2>/dev/null; then
    noaslr="setarch $(uname -m) -R"
else
    echo "record.sh: WARNING: setarch -R unavailable, arena counts may wobble" >&2
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# run_once PY NAME DIR : run the case, derive out / lasterr / arena / rc into DIR
run_once() {
    py=$1; name=$2; d=$3
    mkdir -p "$d"
    (cd "$cases" && env -i PYTHONHASHSEED=0 $noaslr "$py" -S -s "$name.py" >"$d/out" 2>"$d/err")
    echo $? >"$d/rc"
    rm -f "$d/lasterr" "$d/arena"
    if grep -q '_debugmallocstats' "$cases/$name.py"; then
        awk '/^# arenas allocated current/ { n = $NF; if (!seen) { base = n; seen = 1 } else print n - base }' \
            "$d/err" >"$d/arena"
        if [ "$(cat "$d/rc")" != 0 ]; then tail -n 1 "$d/err" >"$d/lasterr"; fi
    else
        if [ -s "$d/err" ] || [ "$(cat "$d/rc")" != 0 ]; then tail -n 1 "$d/err" >"$d/lasterr"; fi
    fi
}

same() {  # compare the derived files of two runs
    for f in out rc lasterr arena; do
        if [ -e "$1/$f" ] || [ -e "$2/$f" ]; then
            cmp -s "$1/$f" "$2/$f" || return 1
        fi
    done
    return 0
}

status=0
nrec=0
for v in $versions; do
    py=$(find_python "$v")
    if [ -z "$py" ] || [ ! -x "$py" ]; then echo "record.sh: no interpreter for $v" >&2; status=1; continue; fi
    full=$(env -i "$py" -S -s -c 'import sys; print("%d.%d.%d" % sys.version_info[:3])')
    echo "== $v: $py ($full)"
    for src in "$cases"/$pattern.py; do
        [ -f "$src" ] || continue
        name=$(basename "$src" .py)
        run_once "$py" "$name" "$tmp/a"
        run_once "$py" "$name" "$tmp/b"
        if ! same "$tmp/a" "$tmp/b"; then
            echo "FAIL $name on $v: two runs differ" >&2
            for f in out lasterr arena; do
                [ -e "$tmp/a/$f" ] && diff "$tmp/a/$f" "$tmp/b/$f" | sed 's/^/    /' >&2
            done
            status=1
            continue
        fi
        cp "$tmp/a/out" "$cases/$name.$v.out"
        for f in lasterr arena; do
            if [ -e "$tmp/a/$f" ]; then cp "$tmp/a/$f" "$cases/$name.$v.$f"; else rm -f "$cases/$name.$v.$f"; fi
        done
        # stderr without an error (a compiler's SyntaxWarning): the status says so
        if [ -e "$tmp/a/lasterr" ] && [ "$(cat "$tmp/a/rc")" = 0 ]; then
            echo 0 > "$cases/$name.$v.rc"
            sed 's|^/.*/\([^/]*\.py\):|\1:|' "$tmp/a/err" > "$cases/$name.$v.warn"
        else rm -f "$cases/$name.$v.rc" "$cases/$name.$v.warn"; fi
        nrec=$((nrec + 1))
    done
done
echo "record.sh: $nrec recordings written"
[ "$status" -eq 0 ] || echo "record.sh: FAILED (see above)" >&2
exit $status
