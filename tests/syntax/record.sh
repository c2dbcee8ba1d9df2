#!/bin/sh
# Records CPython's report of each invalid program in tests/syntax/cases:
# NAME.VER.err holds the last three lines of stderr (the source line, the
# carets, "SyntaxError: ...") of 3.11.7, 3.12.1 and 3.13.0, run as the oracle
# runs them (env -i, -S -s), file paths cut to their names.  Usage: tests/syntax/record.sh [NAME...]
cd "$(dirname "$0")/cases" || exit 2
root=$(pyenv root)/versions
[ $# -gt 0 ] || set -- $(ls *.py | sed 's/\.py$//')
for name in "$@"; do
    for v in 3.11.7/bin/python3.11 3.12.1/bin/python3.12 3.13.0/bin/python3.13; do
        ver=$(basename "$v" | sed 's/python//')
        env -i PYTHONHASHSEED=0 "$root/$v" -S -s "$name.py" 2>&1 >/dev/null | tail -n 3 |
            sed 's|File "[^"]*/\([^"/]*\)"|File "\1"|' >"$name.$ver.err"
    done
done
