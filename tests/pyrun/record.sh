#!/bin/sh
# Records NAME.out for tests/pyrun/cases/NAME.py from CPython 3.11 and
# records NAME.out.VER for 3.12 or 3.13 where they print differently. Usage: tests/pyrun/record.sh NAME...
cd "$(dirname "$0")/cases" || exit 2
root=$(pyenv root)
# as tests/oracle/record.sh runs them: a clean environment (PYTHONUNBUFFERED
# alone moves a gc count by one), no site, a fixed hash seed
run() { env -i PYTHONHASHSEED=0 "$1" -S -s "$2"; }
for name in "$@"; do
    run "$root/versions/3.11.7/bin/python3.11" "$name.py" >"$name.out" 2>/dev/null
    for v in 3.12.1/bin/python3.12 3.13.0/bin/python3.13; do
        ver=$(basename "$v" | sed 's/python//')
        rm -f "$name.out.$ver"
        run "$root/versions/$v" "$name.py" >"$name.out.$ver" 2>/dev/null
        if cmp -s "$name.out.$ver" "$name.out"; then rm -f "$name.out.$ver"; else echo "$name: $ver prints differently (kept $name.out.$ver)"; fi
    done
done
