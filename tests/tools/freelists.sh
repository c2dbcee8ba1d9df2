#!/bin/sh
# freelists.sh [-p PYDIVE] SETUP STMT: what CPython's and the model's free
# lists hold after STMT, run from the clean state (right after gc.collect(),
# which empties them), under 3.11, 3.12 and 3.13.  A statement that takes a
# tuple, list or dict from a free list (or leaves one there) where the model
# does not is a young count that drifts later: this finds it directly.
#   tests/tools/freelists.sh '' 'x = sorted(words, key=len)'
#   tests/tools/freelists.sh 'words = ["a", "bb"]' 'x = ",".join(words)'
# STMT may hold \n escapes (printf); prefix it with 'd = {}; del d; ' to
# stock a free list first.
pydive=./pydive
[ "$1" = "-p" ] && { pydive=$2; shift 2; }
setup=$1 stmt=$2
prog=$(mktemp /tmp/freelists.XXXXXX.py)
trap 'rm -f "$prog"' EXIT
printf "import sys, gc\n$setup\ngc.collect()\n$stmt\nsys._debugmallocstats()\n" > "$prog"
stocks() { grep " free " | grep -v "Keys\|Float" | awk '$1 != 0 {printf "%s %s %s; ", $1, $3, $4}'; }
root=$(pyenv root)
status=0
for v in 3.11.7 3.12.1 3.13.0; do
    minor=${v%.*}
    c=$(env -i PYTHONHASHSEED=0 "$root/versions/$v/bin/python$minor" -S -s "$prog" 2>&1 >/dev/null | stocks)
    m=$("$pydive" run --python "$minor" "$prog" 2>&1 >/dev/null)
    case "$m" in *"not modelled"*) echo "$minor refused: $(echo "$m" | grep "not modelled" | head -1)"; continue;; esac
    m=$(echo "$m" | stocks)
    if [ "$c" = "$m" ]; then
        echo "$minor same: $c"
    else
        echo "$minor DIFF: cpython [$c] model [$m]"
        status=1
    fi
done
exit $status
