#!/bin/sh
# Records what real CPython prints for chapter 1's arena figures, run as
# learners run Python: `pythonX.Y FILE.py` (site imported), env -i
# PYTHONHASHSEED=0, address randomisation off.  For each program (start-up:
# a bare sys._debugmallocstats(); then the first code block of each section
# named below, taken from the lesson) ch01.expect gets one line per version:
#   SECTION VERSION N0 N1 ...   ("# arenas allocated current" of each dump)
# and start-up.account keeps 3.11's whole byte account, which the lesson
# quotes.  Each program runs twice and the runs must agree.
# Usage: tests/content/figures/record.sh   (needs the pyenv builds below)
set -u
here=$(cd "$(dirname "$0")" && pwd)
lesson="$here/../../../lessons/01-memory-architecture.yaml"
sections="large-objects arenas why-memory-stays separate-lifetimes"
versions="3.11.7 3.12.1 3.13.0"
root=$(pyenv root 2>/dev/null || echo "$HOME/.pyenv")
noaslr=""
setarch "$(uname -m)" -R true 2>/dev/null && noaslr="setarch $(uname -m) -R"
work=$(mktemp -d /tmp/ch01-figures.XXXXXX)
trap 'rm -rf "$work"' EXIT
printf 'import sys\nsys._debugmallocstats()\n' >"$work/start-up.py"
for s in $sections; do "$here/extract.sh" "$lesson" "$s" >"$work/$s.py"; done
counts() { grep '^# arenas allocated current' | awk '{ printf " %s", $NF }'; }
out="$here/ch01.expect.new"
: >"$out"
status=0
for s in start-up $sections; do
    for v in $versions; do
        py="$root/versions/$v/bin/python3"
        [ -x "$py" ] || { echo "record.sh: no $py" >&2; exit 2; }
        a=$(cd "$work" && env -i PYTHONHASHSEED=0 $noaslr "$py" "$s.py" 2>&1 >/dev/null | counts)
        b=$(cd "$work" && env -i PYTHONHASHSEED=0 $noaslr "$py" "$s.py" 2>&1 >/dev/null | counts)
        [ "$a" = "$b" ] || { echo "record.sh: $s on $v differs from run to run" >&2; status=1; }
        echo "$s ${v%.*}$a" >>"$out"
    done
done
(cd "$work" && env -i PYTHONHASHSEED=0 $noaslr "$root/versions/3.11.7/bin/python3" start-up.py 2>&1 >/dev/null) |
    sed -n '/bytes\/arena/,/^Total/p' >"$here/start-up.account"
mv "$out" "$here/ch01.expect"
exit $status
