#!/bin/sh
# Tracebacks as CPython prints them: each tests/tracebacks/cases/NAME.py ends
# in an uncaught exception, and pydive's whole stderr must equal CPython's
# (NAME.VER.err, recorded by record.sh; file paths cut to their names):
# every frame, its source line, and the caret line 3.11+ draws under the
# failing expression ('~' around, '^' on the operator, subscript or, from
# 3.13, the call's parentheses).  A case listed in tests/tracebacks/KNOWN_GAPS
# (NAME@VER reason) still differs.  TAP output.
cd "$(dirname "$0")/../.." || exit 2
PYDIVE=${PYDIVE:-./pydive}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
n=0
for py in tests/tracebacks/cases/*.py; do
    name=$(basename "$py" .py)
    for ver in 3.11 3.12 3.13; do
        want=tests/tracebacks/cases/$name.$ver.err
        [ -f "$want" ] || continue
        n=$((n + 1))
        timeout 20 $PYDIVE run --python "$ver" "$py" 2>&1 >/dev/null |
            sed -e 's|File "[^"]*/\([^"/]*\)"|File "\1"|' -e 's|^[^ ]*/\([^/ ]*\.py:[0-9]*: SyntaxWarning\)|\1|' >"$tmp/got"
        gap=$(awk -v k="$name@$ver" '$1 == k { $1 = ""; print; exit }' tests/tracebacks/KNOWN_GAPS 2>/dev/null)
        if cmp -s "$tmp/got" "$want"; then
            if [ -n "$gap" ]; then echo "not ok $n - $name@$ver now matches: delete its line in tests/tracebacks/KNOWN_GAPS"
            else echo "ok $n - $name@$ver"; fi
        elif [ -n "$gap" ]; then
            echo "not ok $n - $name@$ver # TODO known gap:$gap"
        else
            echo "not ok $n - $name@$ver"
            diff "$want" "$tmp/got" | head -n 12 | sed 's/^/# /'
        fi
    done
done
echo "1..$n"
