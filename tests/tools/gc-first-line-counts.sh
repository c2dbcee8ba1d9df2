#!/bin/sh
# Measures, for every oracle and corpus program, CPython's young count at the
# program's first line (the program run after a first line that prints
# gc.get_count() and exits), and checks it against the window pyrun's
# gc_timing.c allows above the model's start count:
#     40 + 14 * code objects + constants / 2
# Prints each program over the window and the smallest margin per version;
# exits 1 when a program lies outside.  Usage: tests/tools/gc-first-line-counts.sh
cd "$(dirname "$0")/../.." || exit 2
root=$(pyenv root)/versions
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for f in tests/oracle/cases/*.py tests/oracle/shared/*.py tests/corpus/programs/*.py; do
    b=$(basename "$f" .py)
    { printf 'import gc; print(gc.get_count()); raise SystemExit\n'; cat "$f"; } >"$tmp/$b.py"
    printf '%s' "$f"
    for v in 3.11.7/bin/python3.11 3.12.1/bin/python3.12 3.13.0/bin/python3.13; do
        o=$(cd "$tmp" && env -i PYTHONHASHSEED=0 "$root/$v" -S -s "$b.py" 2>/dev/null | head -n 1 | tr -d '() ')
        printf ' %s' "${o:-ERR}"
    done
    echo
done >"$tmp/counts"
"$root/3.11.7/bin/python3.11" - "$tmp/counts" <<'PY'
import ast, sys
# the model's start counts (app/sim/profile.c) and the old-generation count
# CPython shows when its compiler ran no collection
base, count1 = (455, 522, 526), (6, 3, 2)
codes = (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef,
         ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp)
margin, bad, skipped = [10**9] * 3, 0, 0
for line in open(sys.argv[1]):
    f, *counts = line.split()
    tree = ast.parse(open(f).read())
    nodes = list(ast.walk(tree))
    slack = 40 + 14 * sum(isinstance(n, codes) for n in nodes) + \
        sum(isinstance(n, ast.Constant) for n in nodes) // 2
    for i, c in enumerate(counts):
        c0, c1, _ = map(int, c.split(','))
        if c1 != count1[i]:
            skipped += 1  # the compiler itself ran a collection
            continue
        m = slack - (c0 - base[i])
        margin[i] = min(margin[i], m)
        if m < 0 or c0 - base[i] < -40:
            bad += 1
            print(f"outside the window: {f} under {('3.11', '3.12', '3.13')[i]}: "
                  f"count {c0}, model {base[i]}, window +{slack}")
print("smallest margin 3.11/3.12/3.13:", margin, f"({skipped} runs where compiling collected)")
sys.exit(1 if bad else 0)
PY
