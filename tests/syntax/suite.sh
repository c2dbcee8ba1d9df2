#!/bin/sh
# Syntax errors as learners make them: each tests/syntax/cases/NAME.py is
# invalid Python, and pydive must report it as CPython does under each
# profile -- the line, the carets under the range CPython marks, and the
# message (NAME.VER.err, recorded by record.sh).  A case listed in
# tests/syntax/KNOWN_GAPS (NAME@VER reason) still differs.  TAP output.
cd "$(dirname "$0")/../.." || exit 2
PYDIVE=${PYDIVE:-./pydive}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
n=0
for py in tests/syntax/cases/*.py; do
    name=$(basename "$py" .py)
    for ver in 3.11 3.12 3.13; do
        want=tests/syntax/cases/$name.$ver.err
        [ -f "$want" ] || continue
        n=$((n + 1))
        timeout 20 $PYDIVE run --python "$ver" "$py" 2>&1 >/dev/null | tail -n 3 |
            sed 's|File "[^"]*/\([^"/]*\)"|File "\1"|' >"$tmp/got"
        gap=$(awk -v k="$name@$ver" '$1 == k { $1 = ""; print; exit }' tests/syntax/KNOWN_GAPS 2>/dev/null)
        if cmp -s "$tmp/got" "$want"; then
            if [ -n "$gap" ]; then echo "not ok $n - $name@$ver now matches: delete its line in tests/syntax/KNOWN_GAPS"
            else echo "ok $n - $name@$ver"; fi
        elif [ -n "$gap" ]; then
            echo "not ok $n - $name@$ver # TODO known gap:$gap"
        else
            echo "not ok $n - $name@$ver"
            diff "$want" "$tmp/got" | sed 's/^/# /'
        fi
    done
done
echo "1..$n"
