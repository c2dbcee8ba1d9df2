#!/bin/sh
# Records what CPython 3.11, 3.12 and 3.13 print for the start-up cases: programs run as
# learners run them (`python3.11 FILE.py`: site imported, unlike the other
# oracle cases' -S -s), so the absolute allocator figures include the real
# start-up heap.  For every sys._debugmallocstats() dump, NAME.VER.expect
# keeps the "# arenas allocated current" line and the line of each size
# class named on the case's first line ("# compare: 5 9").  Run with
# env -i PYTHONHASHSEED=0 and address randomisation off, twice; the two
# runs must agree.  Record from /work/main's checkout: 3.11.7 maps one arena
# less for survivors_hold_arenas run from a shorter folder (/work/wt/lead).  Usage: tests/oracle/startup/record.sh
set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$(pyenv root 2>/dev/null || echo "$HOME/.pyenv")
noaslr=""
setarch "$(uname -m)" -R true 2>/dev/null && noaslr="setarch $(uname -m) -R"
status=0
for ver in 3.11 3.12 3.13; do
py=$(ls -d "$root"/versions/$ver.*/bin/python3 2>/dev/null | sort -V | tail -n 1)
[ -n "$py" ] || { echo "record.sh: no CPython $ver under pyenv" >&2; status=2; continue; }
for f in "$here"/*.py; do
    name=$(basename "$f" .py)
    for run in 1 2; do
        (cd "$here" && env -i PYTHONHASHSEED=0 $noaslr "$py" "$name.py" 2>"/tmp/startup.$$.$run" >/dev/null)
        "$here/select.sh" "$f" "/tmp/startup.$$.$run" >"/tmp/startup.$$.$run.sel"
    done
    if cmp -s "/tmp/startup.$$.1.sel" "/tmp/startup.$$.2.sel"; then
        cp "/tmp/startup.$$.1.sel" "$here/$name.$ver.expect"
    else
        echo "record.sh: $name@$ver differs from run to run" >&2
        status=1
    fi
    rm -f /tmp/startup.$$.*
done
done
exit $status
