#!/bin/sh
# Record what real CPython prints for every corpus program.
#
# Usage: tests/corpus/record.sh [VERSION...]          (default: 3.11 3.12 3.13)
#        PROGRAMS='0[0-4]*' tests/corpus/record.sh 3.11  (only programs matching a glob)
#
# For each programs/NAME.py and each VERSION it writes, next to the program:
#   NAME.VERSION.out      stdout, byte for byte
#   NAME.VERSION.lasterr  last line of stderr, only when the program exits
#                         non-zero or writes anything to stderr
#   NAME.VERSION.rc       the exit status, only when it is not 0
# Every program is run twice; if the two runs differ the script reports it,
# leaves that program's recorded files alone and exits 1 (a corpus program must
# be deterministic).  Runs, from inside programs/ (as tests/oracle/record.sh):
#   env -i PYTHONHASHSEED=0 setarch <arch> -R <python> -S -s NAME.py
set -u
here=$(cd "$(dirname "$0")" && pwd)
progs="$here/programs"
versions="$*"
[ -z "$versions" ] && versions="3.11 3.12 3.13"
pattern=${PROGRAMS:-*}

find_python() {   # $1 = 3.11 -> the newest pyenv build of that minor version
    root=$(pyenv root 2>/dev/null || echo "$HOME/.pyenv")
    ls -d "$root"/versions/"$1".*/bin/python"$1" 2>/dev/null | sort -V | tail -n 1
}

noaslr=""
if setarch "$(uname -m)" -R true 2>/dev/null; then
    noaslr="setarch $(uname -m) -R"
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

run_once() {  # PY NAME DIR: run the program, derive out / lasterr / rc into DIR
    py=$1; name=$2; d=$3
    mkdir -p "$d"
    (cd "$progs" && env -i PYTHONHASHSEED=0 $noaslr "$py" -S -s "$name.py" >"$d/out" 2>"$d/err")
    echo $? >"$d/rc"
    rm -f "$d/lasterr"
    if [ -s "$d/err" ] || [ "$(cat "$d/rc")" != 0 ]; then tail -n 1 "$d/err" >"$d/lasterr"; fi
}

same() {
    for f in out rc lasterr; do
        if [ -e "$1/$f" ] || [ -e "$2/$f" ]; then cmp -s "$1/$f" "$2/$f" || return 1; fi
    done
}

status=0
nrec=0
for v in $versions; do
    py=$(find_python "$v")
    if [ -z "$py" ] || [ ! -x "$py" ]; then echo "record.sh: no interpreter for $v" >&2; status=1; continue; fi
    full=$(env -i "$py" -S -s -c 'import sys; print("%d.%d.%d" % sys.version_info[:3])')
    echo "== $v: $py ($full)"
    for src in "$progs"/$pattern.py; do
        [ -f "$src" ] || continue
        name=$(basename "$src" .py)
        run_once "$py" "$name" "$tmp/a"
        run_once "$py" "$name" "$tmp/b"
        if ! same "$tmp/a" "$tmp/b"; then
            echo "FAIL $name on $v: two runs differ" >&2
            diff "$tmp/a/out" "$tmp/b/out" | sed 's/^/    /' >&2
            status=1
            continue
        fi
        cp "$tmp/a/out" "$progs/$name.$v.out"
        if [ -e "$tmp/a/lasterr" ]; then cp "$tmp/a/lasterr" "$progs/$name.$v.lasterr"; else rm -f "$progs/$name.$v.lasterr"; fi
        if [ "$(cat "$tmp/a/rc")" != 0 ]; then cp "$tmp/a/rc" "$progs/$name.$v.rc"; else rm -f "$progs/$name.$v.rc"; fi
        nrec=$((nrec + 1))
    done
done
echo "record.sh: $nrec recordings written"
[ "$status" -eq 0 ] || echo "record.sh: FAILED (see above)" >&2
exit $status
