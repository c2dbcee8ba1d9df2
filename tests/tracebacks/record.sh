#!/bin/sh
# Records CPython's whole stderr for each program in tests/tracebacks/cases
# (an uncaught exception: the traceback with 3.11+'s caret lines) as
# NAME.VER.err, from 3.11.7, 3.12.1 and 3.13.0 run as the oracle runs them
# (env -i, -S -s).  Usage: tests/tracebacks/record.sh [NAME...]
cd "$(dirname "$0")/cases" || exit 2
root=$(pyenv root)/versions
[ $# -gt 0 ] || set -- $(ls *.py | sed 's/\.py$//')
for name in "$@"; do
    for v in 3.11.7/bin/python3.11 3.12.1/bin/python3.12 3.13.0/bin/python3.13; do
        ver=$(basename "$v" | sed 's/python//')
        env -i PYTHONHASHSEED=0 "$root/$v" -S -s "$name.py" 2>&1 >/dev/null |
            sed -e 's|File "[^"]*/\([^"/]*\)"|File "\1"|' -e 's|^[^ ]*/\([^/ ]*\.py:[0-9]*: SyntaxWarning\)|\1|' >"$name.$ver.err"
    done
done
