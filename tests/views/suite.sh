#!/bin/sh
# Golden frames of the memory and collector views on the oracle programs,
# in UTF-8 and in ASCII (LANG=C), rendered headless with
# `pydive render view:NAME --program FILE --step N`.
# A frame that changes fails until it is reviewed and recorded again:
#   tests/views/suite.sh --update     (then read `git diff tests/views/golden`)
cd "$(dirname "$0")/../.." || exit 2
PYDIVE=${PYDIVE:-./pydive}
update=0; [ "${1:-}" = "--update" ] && update=1
n=0; fails=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
notok() { n=$((n + 1)); fails=$((fails + 1)); echo "not ok $n - $1"; shift; for l in "$@"; do echo "# $l"; done; }
tmp=$(mktemp); trap 'rm -f "$tmp"' EXIT

# name | program | step | extra render arguments
cases='
graph-cycle-garbage|s07_cycle_with_finalizers|15|view:graph --size 100x24
graph-cycle-named|s07_cycle_with_finalizers|14|view:graph --size 100x24
graph-frames|s07_cycle_with_finalizers|10|view:graph --size 100x30
graph-frames-wide|s07_cycle_with_finalizers|10|view:graph --size 200x60
gc-split|s07_cycle_with_finalizers|15|view:gc --phases 3 --size 80x20
gc-finalizers|s07_cycle_with_finalizers|15|view:gc --phases 5 --size 80x20
arena-held|s13_arena_hold|260000|view:arena --size 80x20
arena-released|s13_arena_hold|400000|view:arena --size 80x24
memory-held|s13_arena_hold|400000|view:memory --size 80x16
arena-release|s14_arena_release|400000|view:arena --size 80x20
program-cycle|s07_cycle_with_finalizers|10|program --size 100x30
pool-mid-loop|s13_arena_hold|250000|view:pool --size 80x16
'
echo "$cases" > "$tmp.cases"
while IFS='|' read -r name prog step args; do
    [ -n "$name" ] || continue
    for mode in utf8 ascii; do
        golden="tests/views/golden/$name.$mode.txt"
        if [ "$mode" = ascii ]; then loc=C; else loc=C.UTF-8; fi
        # shellcheck disable=SC2086
        LANG=$loc LC_ALL=$loc $PYDIVE render $args --program "tests/oracle/shared/$prog.py" \
            --step "$step" --python 3.11 >"$tmp" 2>&1
        if [ $update = 1 ]; then cp "$tmp" "$golden"; fi
        if [ ! -f "$golden" ]; then
            notok "$name ($mode): no golden frame (run with --update and review)"
        elif cmp -s "$tmp" "$golden"; then
            ok "$name ($mode)"
        else
            notok "$name ($mode) differs from $golden" "$(diff "$golden" "$tmp" | head -n 12)"
        fi
    done
done < "$tmp.cases"
rm -f "$tmp.cases"
echo "1..$n"
[ $fails -eq 0 ]
