#!/bin/sh
# Measures pydive on the corpus: learners' Python that real CPython ran.
#
# Usage: tests/corpus/measure.sh [-v] [PYDIVE]      (default PYDIVE: ./pydive)
#   Runs every tests/corpus/programs/NAME.py with `PYDIVE run --python VER`
#   for VER in 3.11 3.12 3.13 (timeout $CORPUS_TIMEOUT s, default 20) and
#   prints one line per profile:
#     VER: N match, N refused honestly, N dishonest (N silently wrong): NAME...
#   -v  also prints one line per dishonest result: VER NAME: why (line L: source)
#   -c  also prints the causes per profile, most frequent first: COUNT why
#   (verdict.sh defines match / honest / dishonest.)  Exit status 0 when
#   nothing is dishonest.
cd "$(dirname "$0")/../.." || exit 2
verbose=0 causes=0
while :; do
    case ${1:-} in
        -v) verbose=1; shift ;;
        -c) causes=1; shift ;;
        *) break ;;
    esac
done
bin=${1:-./pydive}
. tests/corpus/verdict.sh
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
total_bad=0
for ver in ${CORPUS_VERSIONS:-3.11 3.12 3.13}; do
    m=0 h=0 d=0 sw=0 bad=""
    : >"$tmp/why"
    for py in tests/corpus/programs/*.py; do
        name=$(basename "$py" .py)
        verdict "$bin" "$py" "$ver" "$tmp"
        case $kind in
            match) m=$((m + 1)) ;;
            honest) h=$((h + 1)) ;;
            *)
                d=$((d + 1)); bad="$bad $name"; sw=$((sw + silent))
                line=$(sed -n 's/.*line \([0-9][0-9]*\).*/\1/p' "$tmp/err" | tail -n 1)
                src=""
                [ -n "$line" ] && src=" (line $line: $(sed -n "${line}p" "$py" | sed 's/^ *//'))"
                echo "$ver $name: $why$src" >>"$tmp/why" ;;
        esac
    done
    total_bad=$((total_bad + d))
    echo "$ver: $m match, $h refused honestly, $d dishonest ($sw silently wrong)${bad:+:$bad}"
    [ "$verbose" = 1 ] && sed 's/^/    /' "$tmp/why"
    [ "$causes" = 1 ] && sed 's/^[^ ]* [^:]*: //; s/ (line [0-9]*: .*)$//' "$tmp/why" | sort | uniq -c | sort -rn | sed 's/^/    /'
done
[ "$total_bad" -eq 0 ]
