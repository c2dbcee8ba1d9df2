#!/bin/sh
# The plain assessment commands end to end: answers piped into
# `./pydive assess --chapter 1`, then `./pydive stage --json`, a second run,
# a review "a day later" (PYDIVE_NOW), a roadmap, and a damaged file.  TAP.
# Uses a temporary XDG_DATA_HOME, never the learner's own data.
cd "$(dirname "$0")/../.." || exit 2
PYDIVE=${PYDIVE:-./pydive}
export PYDIVE_DATA="${PYDIVE_DATA:-$(pwd)}"   # the course of this tree, whatever the build
DATA=$(mktemp -d)
trap 'rm -rf "$DATA"' EXIT
export XDG_DATA_HOME="$DATA"
P="--profile suite"
FILE="$DATA/pydive/profiles/suite/assessments.yaml"
n=0
fails=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
notok() { n=$((n + 1)); fails=$((fails + 1)); echo "not ok $n - $1"; shift; for l in "$@"; do echo "# $l"; done; }
check() { # NAME COMMAND...: passes when the command succeeds
    name=$1; shift
    if "$@" >/dev/null 2>&1; then ok "$name"; else notok "$name" "failed: $*"; fi
}
json_field() { # FILE KEY: the first "KEY": value in a JSON file
    sed -n "s/.*\"$2\": \\([^,}]*\\).*/\\1/p" "$1" | head -n 1
}

# Chapter 1 answers: eight right, two wrong (the size class, the LIFO order).
printf '1\n3\n2\n255\n1 2 3\n1 2\n1 2 3\n2\n80\n1\n' > "$DATA/answers1"
$PYDIVE assess --chapter 1 $P < "$DATA/answers1" > "$DATA/out1" 2>&1
rc=$?
[ $rc -eq 0 ] && ok "assess --chapter 1 takes piped answers" || notok "assess --chapter 1 takes piped answers" "exit $rc" "$(tail -5 "$DATA/out1")"
grep -q "Chapter 1 check: 19 questions" "$DATA/out1" && ok "the check announces its length" || notok "the check announces its length" "$(head -3 "$DATA/out1")"
grep -q "You answered 10 questions, 8 right" "$DATA/out1" && ok "8 of 10 scored right" || notok "8 of 10 scored right" "$(grep answered "$DATA/out1")"
grep -q "Partly right: 1 of 3 in the right place" "$DATA/out1" && ok "ordering reports partial credit" || notok "ordering reports partial credit"
grep -q "^Why: " "$DATA/out1" && grep -q "^Source: " "$DATA/out1" && ok "explanations and sources are shown" || notok "explanations and sources are shown"
[ -f "$FILE" ] && tail -n 1 "$FILE" | grep -qx '\.\.\.' && ok "assessments.yaml saved with its end marker" || notok "assessments.yaml saved with its end marker"

$PYDIVE stage --json $P > "$DATA/stage1.json" 2>"$DATA/err"
check "stage --json runs" test -s "$DATA/stage1.json"
if command -v python3 >/dev/null 2>&1; then
    check "stage --json is valid JSON" python3 -c "import json,sys; json.load(open(sys.argv[1]))" "$DATA/stage1.json"
fi
grep -q '"id": "memory-architecture", "stage": "proficient"' "$DATA/stage1.json" && ok "memory architecture placed after chapter 1" || notok "memory architecture placed after chapter 1" "$(grep memory-arch "$DATA/stage1.json")"
grep -q '"id": "async-services", "stage": null' "$DATA/stage1.json" && ok "untouched competencies stay not assessed" || notok "untouched competencies stay not assessed"
grep -q '"kind": "chapter", "chapter": 1' "$DATA/stage1.json" && ok "the session is in the history" || notok "the session is in the history"

# A second run: the first result survives, and the history grows.
$PYDIVE assess --chapter 1 $P < "$DATA/answers1" > "$DATA/out2" 2>&1
$PYDIVE stage --json $P > "$DATA/stage2.json" 2>/dev/null
[ "$(grep -c '"kind": "chapter"' "$DATA/stage2.json")" -eq 2 ] && ok "second run kept the first in the history" || notok "second run kept the first in the history" "$(cat "$DATA/stage2.json" | tail -4)"
a1=$(sed -n 's/.*"id": "memory-architecture".*"answers": \([0-9]*\).*/\1/p' "$DATA/stage2.json")
[ "$a1" = "20" ] && ok "evidence from both runs counts (20 answers)" || notok "evidence from both runs counts (20 answers)" "answers=$a1"

# Text view and review queue.
$PYDIVE stage $P > "$DATA/stage.txt" 2>&1
grep -q "Memory architecture .*Proficient" "$DATA/stage.txt" && ok "stage prints the stage per competency" || notok "stage prints the stage per competency" "$(head -5 "$DATA/stage.txt")"
grep -q "to reach Expert" "$DATA/stage.txt" && ok "stage says what moves the learner up" || notok "stage says what moves the learner up"
$PYDIVE review $P > "$DATA/rev0" 2>&1
grep -q "Nothing to review today. The next review is on" "$DATA/rev0" && ok "missed items are not due the same day" || notok "missed items are not due the same day" "$(cat "$DATA/rev0")"
tomorrow=$(( $(date +%s) + 86400 ))
printf '48\n3 2 1\n' | PYDIVE_NOW=$tomorrow $PYDIVE review $P > "$DATA/rev1" 2>&1
grep -q "Review: 2 items due today" "$DATA/rev1" && ok "a day later the two missed items are due" || notok "a day later the two missed items are due" "$(head -3 "$DATA/rev1")"
[ "$(grep -o 'Right\.' "$DATA/rev1" | wc -l)" -eq 2 ] && ok "review answers are scored" || notok "review answers are scored" "$(grep -E 'Right|Not|Partly' "$DATA/rev1")"
PYDIVE_NOW=$tomorrow $PYDIVE review $P > "$DATA/rev2" 2>&1
grep -q "Nothing to review today" "$DATA/rev2" && ok "reviewed items move on (SM-2)" || notok "reviewed items move on (SM-2)" "$(head -3 "$DATA/rev2")"

# Roadmap: a track is remembered.
$PYDIVE roadmap --track extension-author $P > "$DATA/road" 2>&1
head -n 1 "$DATA/road" | grep -q "Roadmap for Extension and bindings author" && ok "roadmap --track shows the track" || notok "roadmap --track shows the track" "$(head -2 "$DATA/road")"
grep -q '^1\. Bindings and the C API' "$DATA/road" && ok "the heaviest gap ranks first" || notok "the heaviest gap ranks first" "$(grep '^[0-9]' "$DATA/road")"
$PYDIVE roadmap $P | head -n 1 | grep -q "extension-author" && ok "the chosen track is remembered" || notok "the chosen track is remembered"
$PYDIVE roadmap --track nope $P >/dev/null 2>&1
[ $? -eq 2 ] && ok "an unknown track is a usage error" || notok "an unknown track is a usage error"

# Quitting early keeps what was answered; no input records nothing.
printf '1\nq\n' | $PYDIVE assess --chapter 3 $P > "$DATA/out3" 2>&1
grep -q "You answered 1 question" "$DATA/out3" && ok "q stops and keeps the answers given" || notok "q stops and keeps the answers given" "$(tail -3 "$DATA/out3")"
$PYDIVE assess --chapter 9 $P < /dev/null >/dev/null 2>&1
[ $? -eq 2 ] && ok "an unknown chapter is a usage error" || notok "an unknown chapter is a usage error"

# Stage assessment across all competencies, adaptive, on a fresh profile.
yes 1 | head -n 40 | $PYDIVE assess --profile adaptive > "$DATA/out4" 2>&1
grep -q "Stage assessment across 7 competencies" "$DATA/out4" && ok "stage assessment runs" || notok "stage assessment runs" "$(head -3 "$DATA/out4")"
$PYDIVE stage --json --profile adaptive > "$DATA/stage4.json" 2>/dev/null
[ "$(json_field "$DATA/stage4.json" assessed)" = "7" ] && ok "it places every competency" || notok "it places every competency" "assessed=$(json_field "$DATA/stage4.json" assessed)"

# A damaged file is moved aside and reported, not silently dropped.
printf 'schema: 1\nanswers: [\n' > "$FILE"
$PYDIVE stage $P > /dev/null 2> "$DATA/err"
grep -q "damaged; showing no assessments" "$DATA/err" && grep -q "assessments.yaml:3:1: note" "$DATA/err" \
    && ok "stage (read-only) reports a damaged file with its line" || notok "stage (read-only) reports a damaged file with its line" "$(cat "$DATA/err")"
$PYDIVE review $P > /dev/null 2> "$DATA/err"
grep -q "moved to" "$DATA/err" && ls "$DATA/pydive/profiles/suite/" | grep -q 'assessments.yaml.damaged-' \
    && ok "a damaged file is moved aside" || notok "a damaged file is moved aside" "$(cat "$DATA/err")"

echo "1..$n"
[ $fails -eq 0 ]
