#!/bin/sh
# Records what CPython 3.11 prints for the start-up cases: programs run as
# learners run them (`python3.11 FILE.py`: site imported, unlike the other
# oracle cases' -S -s), so the absolute allocator figures include the real
# start-up heap.  For every sys._debugmallocstats() dump, NAME.3.11.expect
# keeps the "# arenas allocated current" line and the line of each size
# class named on the case's first line ("# compare: 5 9").  Run with
# env -i PYTHONHASHSEED=0 and address randomisation off, twice; the two
# runs must agree.  Usage: tests/oracle/startup/record.sh
set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$(pyenv root 2>/dev/null || echo "$HOME/.pyenv")
py=$(ls -d "$root"/versions/3.11.*/bin/python3 2>/dev/null | sort -V | tail -n 1)
[ -n "$py" ] || { echo "record.sh: no CPython 3.11 under pyenv" >&2; exit 2; }
noaslr=""
setarch "$(uname -m)" -R true 2>/dev/null && noaslr="setarch $(uname -m) -R"
status=0
for f in "$here"/*.py; do
    name=$(basename "$f" .py)
    for run in 1 2; do
        (cd "$here" && env -i PYTHONHASHSEED=0 $noaslr "$py" "$name.py" 2>"/tmp/startup.$$.$run" >/dev/null)
        "$here/select.sh" "$f" "/tmp/startup.$$.$run" >"/tmp/startup.$$.$run.sel"
    done
    if cmp -s "/tmp/startup.$$.1.sel" "/tmp/startup.$$.2.sel"; then
        cp "/tmp/startup.$$.1.sel" "$here/$name.3.11.expect"
    else
        echo "record.sh: $name differs from run to run" >&2
        status=1
    fi
    rm -f /tmp/startup.$$.*
done
exit $status
