#!/bin/sh
# Records NAME.out for tests/pyrun/cases/NAME.py from CPython 3.11 and
# checks that 3.12 and 3.13 print the same. Usage: tests/pyrun/record.sh NAME...
cd "$(dirname "$0")/cases" || exit 2
root=$(pyenv root)
for name in "$@"; do
    "$root/versions/3.11.7/bin/python3.11" "$name.py" >"$name.out" 2>/dev/null
    for v in 3.12.1/bin/python3.12 3.13.0/bin/python3.13; do
        "$root/versions/$v" "$name.py" 2>/dev/null | cmp -s - "$name.out" || echo "$name: $v prints differently"
    done
done
