#!/bin/sh
# The gates themselves: check-layers passes on this tree and fails on a copy
# given an include that climbs (each rule of docs/ARCHITECTURE.md once).  TAP.
cd "$(dirname "$0")/../.." || exit 2
n=0; fails=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
notok() { n=$((n + 1)); fails=$((fails + 1)); echo "not ok $n - $1"; shift; for l in "$@"; do echo "# $l"; done; }

out=$(tests/tools/check-layers.sh 2>&1)
if [ $? -eq 0 ]; then ok "check-layers passes on this tree"; else notok "check-layers passes on this tree" "$out"; fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# climbs FILE INCLUDE: a copy of app/ where FILE gains INCLUDE must fail,
# naming FILE.
climbs() {
    rm -rf "$tmp/app"; cp -r app "$tmp/app"
    printf '#include "%s"\n' "$2" >>"$tmp/app/$1"
    out=$(tests/tools/check-layers.sh "$tmp" 2>&1); rc=$?
    if [ $rc -ne 0 ] && printf '%s\n' "$out" | grep -qF "app/$1"; then
        ok "check-layers refuses $1 -> $2"
    else
        notok "check-layers refuses $1 -> $2" "exit $rc" "$out"
    fi
}
climbs sim/gc.c lab/lab.h
climbs sim/heap.c pyrun/pyrun.h
climbs lab/gil/sched_seg.c script/labs.h
climbs lab/lab.c pyrun/pyrun.h
climbs pyrun/pyrun.h lab/lab.h
climbs base/buf.c sim/sim.h
climbs view/labs.c ui/ui.h

# A curses include outside ui/ is refused too.
rm -rf "$tmp/app"; cp -r app "$tmp/app"
echo '#include <curses.h>' >>"$tmp/app/view/labs.c"
out=$(tests/tools/check-layers.sh "$tmp" 2>&1)
if [ $? -ne 0 ] && printf '%s\n' "$out" | grep -q curses; then ok "check-layers refuses curses in view/"
else notok "check-layers refuses curses in view/" "$out"; fi

echo "1..$n"
[ $fails -eq 0 ]
