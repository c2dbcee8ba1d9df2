#!/bin/sh
# A measurement, not a suite (tests/run.sh does not run it): COUNT random
# one-edit mutants of the standard library of each installed CPython, judged
# by that interpreter's compile() and by `pydive run --check`.  Prints the
# false errors (must be 0), missed errors and message differences.
# Usage: tests/stdlib/mutants.sh [COUNT] [SEED]
cd "$(dirname "$0")/../.." || exit 2
PYDIVE=${PYDIVE:-./pydive}
count=${1:-1000}; seed=${2:-1}
root=${PYENV_ROOT:-$(pyenv root)}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
for ver in 3.11 3.12 3.13; do
    py=$(ls "$root"/versions/$ver.*/bin/python$ver 2>/dev/null | sort | tail -n 1)
    [ -n "$py" ] || continue
    lib=$("$py" -c 'import sysconfig; print(sysconfig.get_paths()["stdlib"])')
    (cd "$lib" && find . -name '*.py' -not -path './site-packages/*' | sed 's|^\./||') \
        | grep -vxF -f "tests/stdlib/invalid-$ver.txt" | sed "s|^|$lib/|" >"$tmp/files"
    (cd "$tmp" && "$py" "$OLDPWD/tests/stdlib/mutate.py" files "$seed" "m$ver" "$count") >"$tmp/v$ver.tsv"
    cut -f1 "$tmp/v$ver.tsv" | sed "s|^|$tmp/|" | xargs "$PYDIVE" run --python "$ver" --check 2>"$tmp/o$ver.txt"
    sed "s|^|$tmp/|" "$tmp/v$ver.tsv" >"$tmp/w$ver.tsv"
    echo "== $ver: $count mutants (seed $seed)"
    python3 tests/stdlib/compare.py "$tmp/w$ver.tsv" "$tmp/o$ver.txt" 8
done
