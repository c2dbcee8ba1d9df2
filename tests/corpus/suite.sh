#!/bin/sh
# Corpus suite: learners' Python (tests/corpus/programs, recorded from real
# CPython 3.11.7 / 3.12.1 / 3.13.0) run on pydive under each profile.  TAP,
# one test per program and profile:
#   ok      the program matches CPython, or pydive refuses it honestly
#           (verdict.sh says exactly what counts as which)
#   not ok  pydive is dishonest: a false SyntaxError/NameError/..., a different
#           answer, a crash or a hang.  If the program is listed in
#           tests/corpus/KNOWN_DISHONEST the line carries "# TODO known gap:
#           REASON" (tests/run.sh counts it as a known gap, not a failure).
# The list may only shrink: a listed program that has become honest or
# matching fails, with a message saying to delete (or narrow) its line, and so
# does a line naming no program.  A line covers a loud failure (a false error,
# a crash) only, unless its reason starts with "silently wrong": a listed
# program that starts printing an answer CPython does not print fails.
#
# KNOWN_DISHONEST: one line per entry, "NAME REASON" (all three profiles) or
# "NAME@VER REASON" (that profile only); '#' starts a comment line.
# CORPUS_PROGRAMS='0[0-2]*' limits the run to programs matching a glob.
cd "$(dirname "$0")/../.." || exit 2
PYDIVE=${PYDIVE:-./pydive}
LIST=${CORPUS_LIST:-tests/corpus/KNOWN_DISHONEST}   # overridable for the self-test
. tests/corpus/verdict.sh
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
n=0
first=${PYDIVE%% *}
if [ ! -x "$first" ] && ! command -v "$first" >/dev/null 2>&1; then
    echo "not ok 1 - $PYDIVE not built"; echo "1..1"; exit 1
fi

# Self-check of verdict.sh with a stand-in for pydive, so that the rules
# above can fail: each case is "WANT PROGRAM OUT-FILE RC STDERR", WANT one of
# match, honest, dishonest (loud) and silent (dishonest and silently wrong).
cat >"$tmp/fake" <<'FAKE'
#!/bin/sh
cat "$FAKE_OUT"; [ -n "$FAKE_ERR" ] && printf '%s\n' "$FAKE_ERR" >&2; exit "$FAKE_RC"
FAKE
chmod +x "$tmp/fake"
p=tests/corpus/programs/030_report_table
q=tests/corpus/programs/046_uncaught_error
head -n 2 "$p.3.11.out" >"$tmp/head"
printf 'Widget\n' >"$tmp/other"
: >"$tmp/empty"
while read -r want prog out rc err; do
    n=$((n + 1))
    FAKE_OUT=$out FAKE_RC=$rc FAKE_ERR=$err verdict "$tmp/fake" "$prog.py" 3.11 "$tmp"
    got=$kind; [ "$silent" = 1 ] && got=silent
    if [ "$got" = "$want" ]; then echo "ok $n - verdict.sh: $want for rc=$rc '$err'"
    else echo "not ok $n - verdict.sh: wanted $want for rc=$rc '$err', got $got ($why)"; fi
done <<CASES
match $p $p.3.11.out 0
match $q $q.3.11.out 1 ZeroDivisionError: division by zero
honest $p $tmp/head 3 pydive: line 9: 'x' is not modelled by the simulated CPython
dishonest $p $tmp/empty 1 SyntaxError: generator expressions are not supported by pydive
honest $p $tmp/empty 3 pydive: line 4: generator expressions are not modelled by the simulated CPython
silent $p $tmp/other 3 pydive: line 9: 'x' is not modelled by the simulated CPython
dishonest $p $tmp/head 1 SyntaxError: invalid syntax
silent $p $tmp/other 1 SyntaxError: invalid syntax
silent $p $tmp/head 0
silent $p $p.3.11.out 0 NameError: name 'x' is not defined
dishonest $q $q.3.11.out 1 TypeError: unsupported operand
silent $q $q.3.11.out 0
dishonest $p $tmp/head 139 Segmentation fault
CASES

listed() { # NAME VER -> the line's key and reason, if NAME@VER or NAME is listed
    [ -f "$LIST" ] || return 0
    awk -v a="$1@$2" -v b="$1" '!/^#/ && ($1 == a || $1 == b) { k = $1; $1 = ""; sub(/^ /, ""); print k " " $0; exit }' "$LIST"
}

for py in tests/corpus/programs/${CORPUS_PROGRAMS:-*}.py; do
    [ -f "$py" ] || continue
    name=$(basename "$py" .py)
    for ver in 3.11 3.12 3.13; do
        n=$((n + 1))
        verdict "$PYDIVE" "$py" "$ver" "$tmp"
        entry=$(listed "$name" "$ver")
        key=${entry%% *}
        reason=${entry#* }
        if [ "$kind" = dishonest ]; then
            if [ -n "$entry" ] && [ "$silent" = 1 ]; then
                case $reason in "silently wrong"*) ;; *)
                    echo "not ok $n - $name@$ver: $why: worse than its line in $LIST ('$reason'), which covers a loud failure only: fix it (or, if this wrong answer is known, start the reason with 'silently wrong:')"
                    continue ;;
                esac
            fi
            if [ -n "$entry" ]; then
                echo "not ok $n - $name@$ver: $why # TODO known gap: $reason"
            else
                echo "not ok $n - $name@$ver: dishonest: $why"
            fi
        elif [ -n "$entry" ]; then
            if [ "$key" = "$name" ]; then
                fix="replace the line '$name' by one line per profile still dishonest ($name@VER), or delete it"
            else
                fix="delete the line '$key'"
            fi
            echo "not ok $n - $name@$ver: listed in $LIST but now $( [ "$kind" = match ] && echo matches CPython || echo is refused honestly): $fix"
        else
            echo "ok $n - $name@$ver ($kind)"
        fi
    done
done

# Every line of the list names a program (a renamed or removed program must
# take its line with it).
if [ -f "$LIST" ]; then
    grep -v '^#' "$LIST" | awk 'NF { print $1 }' | while read -r key; do
        base=${key%@*}
        case $key in
            *@3.11|*@3.12|*@3.13|"$base") ;;
            *) echo "bad:$key" ; continue ;;
        esac
        [ -f "tests/corpus/programs/$base.py" ] || echo "bad:$key"
    done >"$tmp/stale"
    while read -r bad; do
        n=$((n + 1))
        echo "not ok $n - $LIST names no corpus program: '${bad#bad:}': delete the line"
    done <"$tmp/stale"
fi
echo "1..$n"
