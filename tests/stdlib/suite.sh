#!/bin/sh
# The whole grammar, measured on code nobody here wrote: every .py file of
# the standard library of each installed CPython (3.11, 3.12, 3.13) must
# parse under its own profile (`pydive run --python VER --check`), except
# the files that interpreter itself rejects on purpose (bad encodings,
# Python 2 test data, misplaced __future__ imports), listed in
# tests/stdlib/invalid-VER.txt (regenerate: tests/stdlib/list_invalid.sh).
# A version whose library is not installed is skipped.  TAP output.
cd "$(dirname "$0")/../.." || exit 2
PYDIVE=${PYDIVE:-./pydive}
root=${PYENV_ROOT:-$(pyenv root 2>/dev/null || echo "$HOME/.pyenv")}
n=0
for ver in 3.11 3.12 3.13; do
    n=$((n + 1))
    lib=$(ls -d "$root"/versions/$ver.*/lib/python$ver 2>/dev/null | sort | tail -n 1)
    if [ -z "$lib" ] || [ ! -f "$lib/os.py" ]; then
        echo "ok $n - $ver standard library # SKIP not installed under $root"
        continue
    fi
    list=$(mktemp); errs=$(mktemp)
    (cd "$lib" && find . -name '*.py' -not -path './site-packages/*' | sed 's|^\./||' | sort) \
        | grep -vxF -f "tests/stdlib/invalid-$ver.txt" | sed "s|^|$lib/|" >"$list"
    total=$(wc -l <"$list")
    tr '\n' '\0' <"$list" | xargs -0 "$PYDIVE" run --python "$ver" --check 2>"$errs"
    rc=$?
    bad=$(grep -c '^[A-Za-z]*Error' "$errs")
    if [ "$rc" -eq 0 ] && [ "$bad" -eq 0 ] && [ "$total" -gt 1000 ]; then
        echo "ok $n - $ver: $total of $total standard library files parse (0 refused, 0 SyntaxErrors)"
    else
        echo "not ok $n - $ver: $bad of $total standard library files do not parse (exit $rc)"
        sed 's/^/# /' "$errs" | head -n 40
    fi
    rm -f "$list" "$errs"
done
echo "1..$n"
