#!/bin/sh
# Writes tests/stdlib/invalid-VER.txt: the standard-library files that the
# real CPython VER itself refuses to compile (they are invalid on purpose).
cd "$(dirname "$0")/../.." || exit 2
root=${PYENV_ROOT:-$(pyenv root)}
for ver in 3.11 3.12 3.13; do
    py=$(ls "$root"/versions/$ver.*/bin/python$ver 2>/dev/null | sort | tail -n 1)
    [ -n "$py" ] || continue
    lib=$("$py" -c 'import sysconfig; print(sysconfig.get_paths()["stdlib"])')
    "$py" - "$lib" >"tests/stdlib/invalid-$ver.txt" <<'PY'
import os, sys, warnings
warnings.simplefilter("ignore")
lib = sys.argv[1]
for d, dirs, files in os.walk(lib):
    dirs.sort()
    if os.path.relpath(d, lib).startswith("site-packages"):
        continue
    for f in sorted(files):
        if f.endswith(".py"):
            p = os.path.join(d, f)
            try:
                compile(open(p, "rb").read(), p, "exec", dont_inherit=True)
            except Exception:
                print(os.path.relpath(p, lib))
PY
done
