#!/bin/sh
# Hostile input (issue 20): what an adversary feeds pydive on purpose.  TAP.
#
#   sandbox time   exercise checks that loop over costly bindings (a heap
#                  walk, a GIL simulation) stop near the 1 s limit: each
#                  check may take at most CHECK_CEILING s more than the same
#                  exercise with an empty check (a behavioural bound with a
#                  wide margin for slow builds, not a benchmark).
#   escapes        exports (validly re-signed), packs, lessons, exercises and
#                  assessment items holding ESC, BEL, C1 controls: nothing
#                  printed may carry a raw control byte; class report CSV
#                  cells never start a formula (= + - @).
#   links          a pack with a symlink leaving it is refused, unquoted.
#   newer files    a progress/assessments file from a newer pydive is kept
#                  byte for byte, with a message that says to update.
#   terminal       in tmux: --watch killed by SEGV/ABRT/BUS/FPE/QUIT, SIGTERM
#                  while running, exit 70 out of memory under ulimit -v; the
#                  shell gets icanon/echo, the main screen and the cursor back.
# SKIP_SLOW=1 leaves out the sandbox-time section (about a minute).
cd "$(dirname "$0")/../.." || exit 2
PYDIVE=${PYDIVE:-./pydive}
export PYDIVE_DATA="${PYDIVE_DATA:-$(pwd)}"
FX=tests/fixtures/hostile
W=$(mktemp -d)
export XDG_DATA_HOME=$W/data
n=0; fails=0
trap 'chmod -R u+w "$W" 2>/dev/null; rm -rf "$W"' EXIT
ok() { n=$((n + 1)); echo "ok $n - $1"; }
notok() { n=$((n + 1)); fails=$((fails + 1)); echo "not ok $n - $1"; shift; for l in "$@"; do echo "# $l"; done; }
note() { echo "# $*"; }
now_ms() { echo $(($(date +%s%N) / 1000000)); }
# expect NAME FILE PATTERN: FILE holds PATTERN (grep -E)
expect() { if grep -qE -- "$3" "$2"; then ok "$1"; else notok "$1" "expected /$3/ in:" "$(head -c 600 "$2")"; fi; }
# refuse NAME FILE PATTERN: FILE does not hold PATTERN
refuse() { if grep -qE -- "$3" "$2"; then notok "$1" "found /$3/ in:" "$(grep -E -- "$3" "$2" | head -c 600)"; else ok "$1"; fi; }

# ==== sandbox time: a check may not run far past its limit ====================
CHECK_CEILING=${CHECK_CEILING:-5}
# the heap-walking checks come from one template, one exercise per binding
for b in 'collect|run.collect()' 'live|run.live("list")' 'has-cycle|run.has_cycle()'; do
    sed -e "s/@NAME@/${b%%|*}/g" -e "s/@CALL@/${b#*|}/g" "$FX/slow-heap.lua.tmpl" > "$W/slow-${b%%|*}.lua"
done
cp "$FX/slow-gil.lua" "$W/"
[ -n "${SKIP_SLOW:-}" ] || for f in "$W"/slow-*.lua; do
    name=$(basename "$f" .lua)
    # the same exercise whose check returns at once: what running the programs costs
    mkdir -p "$W/control"
    sed 's/^        while true do .* end$/        return false, "control"/' "$f" > "$W/control/$name.lua"
    t0=$(now_ms); $PYDIVE verify "$W/control/$name.lua" > /dev/null 2>&1; base=$(($(now_ms) - t0))
    t0=$(now_ms); timeout 120 $PYDIVE verify "$f" > "$W/out" 2>&1; rc=$?; ms=$(($(now_ms) - t0))
    extra=$((ms - base))
    note "$name: verify took $ms ms, $base ms without the loop (two checks)"
    if [ "$rc" = 124 ]; then notok "$name: verify stops (killed after 120 s)"
    elif [ "$extra" -le $((2 * CHECK_CEILING * 1000)) ]; then ok "$name: two looping checks cost $extra ms (ceiling $((2 * CHECK_CEILING)) s)"
    else notok "$name: two looping checks cost at most $((2 * CHECK_CEILING)) s" "they cost $extra ms"; fi
    expect "$name: the check is stopped by a limit, said so" "$W/out" 'check failed on the starter: (time|instruction) limit'
done

# ==== text from files never drives the terminal ================================
# A validly re-signed export whose profile name holds escape sequences: the
# class report (text, md, csv, json), import and its messages must show them
# escaped.  resign FILE: recomputes a YAML export's checksum line.
resign() {
    head -n -2 "$1" > "$1.body"
    sum=$(sha256sum < "$1.body" | cut -c1-64)
    { cat "$1.body"; printf 'checksum: "sha256:%s"\n...\n' "$sum"; } > "$1"
    rm -f "$1.body"
}
# raw FILE: the file holds a byte a terminal obeys (ESC, BEL, CSI in UTF-8)
raw() { LC_ALL=C grep -q "$(printf '[\033\007]')" "$1" || LC_ALL=C grep -q "$(printf '\302[\200-\237]')" "$1"; }
clean() { if raw "$2"; then notok "$1" "raw control bytes in:" "$(head -c 400 "$2" | od -c | head -n 8)"; else ok "$1"; fi; }
printf '1\n\n\nq\n' | $PYDIVE --plain --profile alice > /dev/null 2>&1
$PYDIVE export --profile alice -o "$W/alice.yaml" 2> /dev/null
mkdir -p "$W/class"
sed 's/^profile: "alice"/profile: "\\e]0;pwned\\a\\e[2J\\e[31mRED\\u009b31m"/' "$W/alice.yaml" > "$W/class/escapes.yaml"
resign "$W/class/escapes.yaml"
for c in '=HYPERLINK(\\"http://x\\")' '+1+2' '-3+4' '@SUM(1)'; do
    f=$W/class/formula-$(echo "$c" | cut -c1 | tr '=+@-' 'epam').yaml
    sed "s|^profile: \"alice\"|profile: \"$c\"|" "$W/alice.yaml" > "$f"
    resign "$f"
done
for fmt in text md csv json; do
    $PYDIVE class report "$W/class" --format $fmt > "$W/report.$fmt" 2>&1
    clean "class report --format $fmt shows no raw control byte from an export" "$W/report.$fmt"
done
expect "class report: the escapes are shown, readable" "$W/report.text" '\\x1b\]0;pwned\\x07'
expect "class report: a C1 control (CSI) is shown too" "$W/report.csv" '\\x9b31m'
expect "class report --format json keeps the name, escaped" "$W/report.json" '\\u001b\]0;pwned\\u0007'
$PYDIVE import "$W/class/escapes.yaml" > "$W/import.out" 2>&1
clean "import's message about the profile name shows no raw control byte" "$W/import.out"
expect "import says the name is not usable" "$W/import.out" 'not a usable name here'
# spreadsheet formulas (OWASP: = + - @ start a formula) are neutralised
for c in "\"'=HYPERLINK" "'+1+2" "'-3+4" "'@SUM(1)"; do
    if grep -qF "learner,$c" "$W/report.csv"; then ok "class report CSV: a formula cell is text ($c)"
    else notok "class report CSV: a formula cell is text ($c)" "$(grep '^learner' "$W/report.csv")"; fi
done
refuse "class report CSV: no cell starts a formula" "$W/report.csv" '^learner,"?[=+@-]'

# a pack whose lesson, assessment item and exercise hold escapes: refused at
# the line, never shown
# (course folders copied from this tree: a pack may carry its own copies)
for d in esc-pack esc-pack2; do
    mkdir -p "$W/$d"; cp -r lessons assessments exercises "$W/$d/"
done
sed -i '0,/^title: /s/^title: .*/title: "Memory \\e]0;pwned\\a"/' "$W/esc-pack/lessons/01-memory-architecture.yaml"
sed -i '0,/title = "/s/title = "/title = "\\27[2J/' "$W/esc-pack/exercises/ch01/keep-a-few.lua"
sed -i '0,/    prompt: /s/    prompt: \(.*\)/    prompt: "\\e[31m\1"/' "$W/esc-pack2/assessments/ch01.yaml"
$PYDIVE validate "$W/esc-pack2" > "$W/pack2.out" 2>&1
clean "validate with escapes in an assessment item shows no raw control byte" "$W/pack2.out"
$PYDIVE validate "$W/esc-pack" > "$W/pack.out" 2>&1
clean "validate with escapes in a lesson shows no raw control byte" "$W/pack.out"
expect "a lesson title with ESC is an error at its line" "$W/pack.out" '01-memory-architecture.yaml:[0-9]+:[0-9]+: error: the text holds control character U\+001B'
expect "an assessment item with ESC is an error at its line" "$W/pack2.out" 'ch01.yaml:[0-9]+:[0-9]+: error: the text holds control character U\+001B'
$PYDIVE --course "$W/esc-pack" exercise list > "$W/exlist.out" 2>&1
clean "exercise list of that pack shows no raw control byte" "$W/exlist.out"
$PYDIVE verify "$W/esc-pack/exercises/ch01/keep-a-few.lua" > "$W/verify.out" 2>&1
expect "an exercise title with ESC is an error at its line" "$W/verify.out" "keep-a-few.lua:[0-9]+: error: 'title' holds control character U\+001B"

# ==== symbolic links that leave a pack ========================================
cp -r assets/packs/intro-workshop "$W/link-pack"
printf 'SECRET-FIRST-LINE\nmore\n' > "$W/secret.txt"
ln -sf "$W/secret.txt" "$W/link-pack/lessons/01-memory-architecture.yaml"
$PYDIVE pack check "$W/link-pack" > "$W/link.out" 2>&1; rc=$?
[ $rc = 1 ] && ok "pack check refuses a pack with a link leaving it (exit 1)" \
    || notok "pack check refuses a pack with a link leaving it (exit 1)" "exit $rc"
expect "pack check names the link and says it leaves the pack" "$W/link.out" \
    'lessons/01-memory-architecture.yaml: error: a symbolic link that leads outside the pack'
refuse "pack check quotes nothing of the link's target" "$W/link.out" 'SECRET|secret.txt'
$PYDIVE --course "$W/link-pack" list > "$W/link2.out" 2>&1; rc=$?
[ $rc != 0 ] && ok "--course refuses that pack" || notok "--course refuses that pack" "exit 0"
refuse "--course quotes nothing of the target" "$W/link2.out" 'SECRET|secret.txt'
$PYDIVE validate "$W/link-pack" > "$W/link3.out" 2>&1
refuse "validate DIR quotes nothing of the target" "$W/link3.out" 'SECRET|secret.txt'
rm "$W/link-pack/lessons/01-memory-architecture.yaml"
# the pack inherits its lessons: an override that is a link to a file inside it
cp lessons/03-gil-and-free-threading.yaml "$W/link-pack/lessons/03.real"
ln -s 03.real "$W/link-pack/lessons/03-gil-and-free-threading.yaml"
$PYDIVE pack check "$W/link-pack" > "$W/link4.out" 2>&1 \
    && ok "links that stay inside the pack are fine" \
    || notok "links that stay inside the pack are fine" "$(head -n 5 "$W/link4.out")"

# ==== a program's output kept in memory is cut ================================
# ulimit -v only on a plain build: AddressSanitizer reserves terabytes of shadow memory
case "$PYDIVE" in *asan*) vlimit=: ;; *) vlimit="ulimit -v 1000000" ;; esac
( $vlimit; timeout 120 $PYDIVE verify "$FX/endless-output.lua" > "$W/endless.out" 2>&1; echo "rc=$?" >> "$W/endless.out" )
refuse "a program printing without end does not exhaust memory (ulimit -v 1 GB)" "$W/endless.out" 'out of memory|rc=70|rc=124'
expect "its output is cut, and the check is told so" "$W/endless.out" 'output cut at 1 MiB'

# ==== a FIFO where a file is expected =========================================
# Opening a FIFO nobody writes to blocks forever; pydive must not wait.
mkfifo "$W/fifo.yaml" 2>/dev/null
if [ -p "$W/fifo.yaml" ]; then
    timeout 20 $PYDIVE import "$W/fifo.yaml" > "$W/fifo.out" 2>&1; rc=$?
    [ $rc = 1 ] && ok "import of a FIFO ends at once with an error" \
        || notok "import of a FIFO ends at once with an error" "exit $rc (124: it hung)" "$(cat "$W/fifo.out")"
    timeout 20 $PYDIVE run "$W/fifo.yaml" > "$W/fifo.out" 2>&1; rc=$?
    [ $rc != 124 ] && ok "run of a FIFO does not hang" || notok "run of a FIFO does not hang"
fi
timeout 60 $PYDIVE run /dev/zero > /dev/null 2> "$W/zero.err"; rc=$?
[ $rc = 2 ] && grep -q "larger than" "$W/zero.err" && ok "run /dev/zero is refused, not read until memory runs out" \
    || notok "run /dev/zero is refused, not read until memory runs out" "exit $rc" "$(cat "$W/zero.err")"

# ==== a progress file from a newer pydive =====================================
N=$W/newer
printf '1\n\n\nq\n' | XDG_DATA_HOME=$N $PYDIVE --plain --profile fut > /dev/null 2>&1
printf '1\n1\n1\nq\n' | XDG_DATA_HOME=$N $PYDIVE assess --chapter 1 --profile fut > /dev/null 2>&1
pd=$N/pydive/profiles/fut
sed -i 's/^schema: 1$/schema: 2/' "$pd/progress.yaml" "$pd/assessments.yaml"
before=$(cat "$pd/progress.yaml" "$pd/assessments.yaml" | sha256sum)
printf '2\n\n\n\nq\n' | XDG_DATA_HOME=$N $PYDIVE --plain --profile fut > "$W/fut.out" 2> "$W/fut.err"
printf '1\n1\nq\n' | XDG_DATA_HOME=$N $PYDIVE assess --chapter 1 --profile fut > /dev/null 2>> "$W/fut.err"
XDG_DATA_HOME=$N $PYDIVE reset --yes --profile fut > /dev/null 2>> "$W/fut.err"
XDG_DATA_HOME=$N $PYDIVE import "$W/alice.yaml" --profile fut > /dev/null 2>> "$W/fut.err"
after=$(cat "$pd/progress.yaml" "$pd/assessments.yaml" | sha256sum)
[ "$before" = "$after" ] && ok "newer progress and assessments files are never written over" \
    || notok "newer progress and assessments files are never written over" "$(head -n 3 "$pd/progress.yaml")"
if ls "$pd" | grep -q damaged; then notok "a newer file is not moved aside as damaged" "$(ls "$pd")"
else ok "a newer file is not moved aside as damaged"; fi
expect "the learner is told: a newer pydive wrote it, update pydive" "$W/fut.err" \
    'progress file was written by a newer pydive \(schema 2; this pydive reads schema 1\).*update pydive'
expect "reading goes on, read-only" "$W/fut.out" '\[Section 2\.2 of'
refuse "nobody blames another pydive" "$W/fut.err" 'open in another pydive'

# ==== the terminal is given back however pydive ends ===========================
# In tmux: `pydive run --watch` (curses) killed by fatal signals, a second
# SIGTERM, and an exit() from deep inside (out of memory under ulimit -v).
# After each, the pane's shell must have its modes back (icanon, echo, ...),
# the main screen and a visible cursor.
T="pydive-hostile-$$"
trap 'tmux -L "$T" kill-server 2>/dev/null; chmod -R u+w "$W" 2>/dev/null; rm -rf "$W"' EXIT
tm() { tmux -L "$T" "$@"; }
screen() { tm capture-pane -p -t t 2>/dev/null; }
wait_for() {
    i=0; while [ $i -lt $(( ${2:-5} * 10 )) ]; do
        screen | grep -qF -- "$1" && return 0; sleep 0.1; i=$((i + 1)); done
    return 1
}
# start PREFIX CMD...: CMD in a fresh pane (PREFIX runs first in the pane's
# shell, e.g. a ulimit); afterwards the pane shows the exit status and modes.
start() {
    pre=$1; shift
    tm kill-server 2>/dev/null
    i=0; while tm has-session 2>/dev/null && [ $i -lt 50 ]; do sleep 0.05; i=$((i + 1)); done
    for try in 1 2 3; do   # a server still shutting down may refuse the first try
        tm -f /dev/null new-session -d -s t -x 100 -y 30 \
            "$pre env XDG_DATA_HOME=$W/term TERM=xterm-256color $*; echo EXITED:\$?; \
             stty -a | tr ' ;' '\n\n' | grep -E '^-?(icanon|echo|isig|icrnl|opost)\$' | tr '\n' ' '; echo STTY; sleep 60" \
            2>/dev/null && break
        sleep 0.3
    done
}
pydive_pid() { pgrep -P "$(tm display -p -t t '#{pane_pid}')" | head -n 1; }
restored() {
    wait_for STTY 10; sleep 0.3
    modes=$(screen | grep 'STTY$' | tail -n 1)
    alt=$(tm display -p -t t '#{alternate_on}')
    cur=$(tm display -p -t t '#{cursor_flag}')
    case "$modes" in *-icanon*|*-echo\ *|*-isig*|*-icrnl*|*-opost*|"") ;;
    *) if [ "$alt" = 0 ] && [ "$cur" = 1 ]; then ok "$1"; return; fi ;; esac
    notok "$1" "stty: ${modes:-(no STTY line)}" "alternate screen: $alt, cursor shown: $cur" \
        "$(screen | grep EXITED)"
}
if ! command -v tmux >/dev/null 2>&1; then
    ok "terminal restoration # SKIP tmux is not installed"
else
    P=$(cd "$(dirname "$PYDIVE")" && pwd)/$(basename "$PYDIVE")
    case "$PYDIVE" in *" "*) P=$PYDIVE ;; esac
    printf 'x = [1, 2, 3]\ny = x\nprint(len(y))\n' > "$W/watch.py"
    for sig in SEGV ABRT BUS FPE QUIT; do
        start "" "$P" run "$W/watch.py" --watch
        if ! wait_for "watch.py" 10; then notok "SIG$sig: --watch did not start" "$(screen)"; continue; fi
        kill -"$sig" "$(pydive_pid)"
        wait_for EXITED 10
        note "SIG$sig: $(screen | grep -o 'EXITED:[0-9]*' | tail -n 1)"
        restored "SIG$sig in --watch leaves the terminal restored"
    done
    # SIGTERM while the program runs to its end: status 143, restored
    printf 'x = 1\nwhile True:\n    x = x + 1\n' > "$W/spin.py"
    start "" "$P" run "$W/spin.py" --watch
    if wait_for "spin.py" 10; then
        tm send-keys -t t G; sleep 0.3
        kill -TERM "$(pydive_pid)"
        wait_for EXITED 10
        screen | grep -q 'EXITED:143' && ok "SIGTERM while running: exit status 143" \
            || notok "SIGTERM while running: exit status 143" "$(screen | grep EXITED)"
        restored "SIGTERM while running in --watch leaves the terminal restored"
    else notok "--watch did not start for the SIGTERM test" "$(screen)"; fi
    # exit() from deep inside: a program larger than the address space allows
    # (exit 70 from xalloc today; once the model raises MemoryError for it, the
    # program ends with that on screen and q quits: restored either way)
    printf 'x = 1\ny = " ".join(["a" * 1000000] * 10000)\nprint(len(y))\n' > "$W/huge.py"
    start "ulimit -v 400000;" "$P" run "$W/huge.py" --watch
    if wait_for "huge.py" 10; then
        tm send-keys -t t G   # run to the end
        i=0; while [ $i -lt 200 ] && ! screen | grep -q 'EXITED\|MemoryError'; do sleep 0.1; i=$((i + 1)); done
        screen | grep -q EXITED || { tm send-keys -t t q; wait_for EXITED 5; }
        note "out of memory: $(screen | grep -o 'EXITED:[0-9]*' | tail -n 1)"
        restored "running out of memory in --watch leaves the terminal restored"
    else notok "--watch did not start under ulimit -v" "$(screen)"; fi
fi

echo "1..$n"
[ $fails -eq 0 ]
