#!/bin/sh
# Python programs on the model: each tests/pyrun/cases/NAME.py runs under
# every profile and must print NAME.out (recorded from CPython 3.11; NAME.out.VER
# where that version prints differently) on stdout; NAME.err, when present, holds
# lines its stderr must contain; NAME.status its exit status (default 0,
# or 1 when NAME.err exists). A .py without .out is a refusal or an error
# case whose stdout must be empty. TAP output.
cd "$(dirname "$0")/../.." || exit 2
PYDIVE=${PYDIVE:-./pydive}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
n=0
for py in tests/pyrun/cases/*.py; do
    base=${py%.py}
    name=$(basename "$base")
    for ver in 3.11 3.12 3.13; do
        n=$((n + 1))
        timeout 120 $PYDIVE run --python "$ver" "$py" >"$tmp/out" 2>"$tmp/err"  # a hang is a failure
        got=$?
        want=0
        [ -f "$base.err" ] && want=1
        [ -f "$base.status" ] && want=$(cat "$base.status")
        why=""
        exp=$base.out
        [ -f "$base.out.$ver" ] && exp=$base.out.$ver
        if [ -f "$exp" ]; then
            cmp -s "$tmp/out" "$exp" || why="stdout differs: $(diff "$exp" "$tmp/out" | head -n 8)"
        elif [ -s "$tmp/out" ]; then
            why="unexpected stdout: $(head -n 4 "$tmp/out")"
        fi
        if [ -f "$base.err" ]; then
            while IFS= read -r line; do
                grep -qF -- "$line" "$tmp/err" || why="$why stderr lacks: $line"
            done <"$base.err"
        fi
        [ "$got" -eq "$want" ] || why="$why exit $got, wanted $want"
        if [ -z "$why" ]; then
            echo "ok $n - $name ($ver)"
        else
            echo "not ok $n - $name ($ver)"
            printf '%s\n' "$why" "$(head -n 6 "$tmp/err")" | sed 's/^/# /'
        fi
    done
done
# The list of what is modelled is generated from the program's own tables.
n=$((n + 1))
if $PYDIVE run --modelled | cmp -s - docs/MODELLED.md; then
    echo "ok $n - docs/MODELLED.md is the output of pydive run --modelled"
else
    echo "not ok $n - docs/MODELLED.md is the output of pydive run --modelled"
    echo "# regenerate: ./pydive run --modelled > docs/MODELLED.md"
fi
# ... and the tables of what CPython has come from the real interpreters.
if command -v pyenv >/dev/null 2>&1 && [ -x "$(pyenv root)/versions/3.13.0/bin/python3.13" ]; then
    n=$((n + 1))
    if python3 tests/tools/gen-cpython-names.py | cmp -s - app/pyrun/modules/cpython_names.c; then
        echo "ok $n - app/pyrun/modules/cpython_names.c matches the installed interpreters"
    else
        echo "not ok $n - app/pyrun/modules/cpython_names.c matches the installed interpreters"
        echo "# regenerate: tests/tools/gen-cpython-names.py > app/pyrun/modules/cpython_names.c"
    fi
fi
echo "1..$n"
