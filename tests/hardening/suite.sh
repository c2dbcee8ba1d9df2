#!/bin/sh
# Hardening: what real users and real machines do to pydive.  TAP output.
#
#   durability   real pydive processes (--plain reading, `pydive assess`
#                answers, `pydive export -o`) killed with SIGKILL at random
#                moments over more than 1,000 confirmed saves; after every
#                kill each confirmed section and answer must still be there,
#                every file must parse (`pydive progress --json`, `pydive
#                stage --json`) and the export on disk must import.
#                "Confirmed" is what the learner was shown after a save:
#                "[Section C.S of N read" and the verdict on an answer.
#   disk full    a 256 KiB tmpfs (mounted in a private user and mount
#                namespace with unshare) filled up mid-course; without
#                unshare, a file-size limit (ulimit -f, EFBIG) stands in.
#   read-only    XDG_DATA_HOME on a read-only bind mount (same namespace);
#                without unshare and not root, chmod a-w.
#   terminal     in tmux: 20x6 and 400x120, resize storms, TERM=dumb/vt100/
#                xterm-256color/unset, LANG=C with NO_COLOR, bursts of
#                hundreds of keys, SIGTSTP/SIGCONT, SIGHUP and a hung-up
#                pane (state saved, exit status, terminal restored).
#
# Exit statuses it pins (documented in README.md, "Exit status"):
#   0 normal end; 1 progress or answers could not be saved (disk full, I/O
#   error; the reason is on stderr); 128+N after signal N (SIGHUP 129,
#   SIGTERM 143).  A read-only profile is announced at the start and is not
#   an error.
#
# HARDEN_SAVES (default 1000) sets the confirmed saves of the kill test.
cd "$(dirname "$0")/../.." || exit 2
PYDIVE=${PYDIVE:-./pydive}
SAVES=${HARDEN_SAVES:-1000}
export PYDIVE_DATA="${PYDIVE_DATA:-$(pwd)}"   # the course of this tree, whatever the build
W=$(mktemp -d)
T="pydive-hard-$$"
n=0; fails=0
cleanup() { tmux -L "$T" kill-server 2>/dev/null; chmod -R u+w "$W" 2>/dev/null; rm -rf "$W"; }
trap cleanup EXIT
ok() { n=$((n + 1)); echo "ok $n - $1"; }
notok() { n=$((n + 1)); fails=$((fails + 1)); echo "not ok $n - $1"; shift; for l in "$@"; do echo "# $l"; done; }
note() { echo "# $*"; }
now_ms() { echo $(($(date +%s%N) / 1000000)); }
rand() { echo $(($(od -An -N2 -tu2 /dev/urandom) % $1)); } # 0 .. $1-1
# started PID FILE: waits until PID has written its first output (the course
# is loaded), so the random kill lands in the saves, not in the start-up,
# however slow the build (ASan) is.
started() { i=0; while [ ! -s "$2" ] && kill -0 "$1" 2>/dev/null && [ $i -lt 500 ]; do sleep 0.002; i=$((i + 1)); done; }

# ==== durability: SIGKILL during --plain reading =============================
D=$W/kill
export XDG_DATA_HOME=$D
mkdir -p "$D"
for c in 1 2 3 4 5 6 7; do echo 0 > "$W/conf.$c"; done
saves=0; runs=0; torn=0; bad=""
# The kill lands 0..window ms after the first output.  A slow build (ASan) or
# a loaded machine saves fewer sections in 30 ms, so the window widens while
# the last 20 runs confirmed fewer than 2 saves each: the count of confirmed
# saves, not the machine's speed, decides when the test has seen enough.
window=30; recent=0
t0=$(now_ms)
while [ "$saves" -lt "$SAVES" ] && [ "$runs" -lt 1500 ]; do
    runs=$((runs + 1))
    prof=$D/pydive/profiles/reader
    torn=$((torn + $(ls "$prof" 2>/dev/null | grep -c '\.tmp-')))
    # every chapter in turn from a different one each run, Enter for each section
    awk -v s=$((runs % 7)) 'BEGIN { for (r = 0; r < 7; r++) { print (s + r) % 7 + 1;
        for (i = 0; i < 22; i++) print "" } }' > "$W/plain.in"
    $PYDIVE --plain --profile reader < "$W/plain.in" > "$W/out" 2> "$W/err" &
    pid=$!
    started "$pid" "$W/out"
    d=$(rand "$window"); sleep "$((d / 1000)).$(printf '%03d' $((d % 1000)))"
    kill -KILL "$pid" 2>/dev/null; wait "$pid" 2>/dev/null
    if grep -q 'damaged\|not saved\|not be saved' "$W/err"; then bad="run $runs: $(head -n 3 "$W/err")"; break; fi
    # the highest section confirmed per chapter in this run
    grep -o '\[Section [0-9]*\.[0-9]*' "$W/out" | sed 's/\[Section //' > "$W/conf"
    got=$(wc -l < "$W/conf")
    saves=$((saves + got)); recent=$((recent + got))
    if [ $((runs % 20)) -eq 0 ]; then
        [ "$recent" -lt 40 ] && [ "$window" -lt 2000 ] && window=$((window * 2))
        recent=0
    fi
    for c in 1 2 3 4 5 6 7; do
        m=$(awk -F. -v c=$c '$1 == c && $2 > m { m = $2 } END { print m + 0 }' "$W/conf")
        [ "$m" -gt "$(cat "$W/conf.$c")" ] && echo "$m" > "$W/conf.$c"
    done
    # every file parses and every confirmed section is read
    if ! $PYDIVE progress --json --profile reader > "$W/json" 2> "$W/err"; then
        bad="run $runs: progress --json failed: $(cat "$W/err")"; break
    fi
    if [ -s "$W/err" ]; then bad="run $runs: $(cat "$W/err")"; break; fi
    for c in 1 2 3 4 5 6 7; do
        got=$(sed -n "s/.*\"number\": $c, .*\"read\": \([0-9]*\),.*/\1/p" "$W/json")
        want=$(cat "$W/conf.$c")
        if [ "${got:-0}" -lt "$want" ]; then
            bad="run $runs: chapter $c has ${got:-?} sections read, $want were confirmed"; break 2
        fi
    done
done
ms=$(($(now_ms) - t0))
if [ -z "$bad" ] && [ "$saves" -ge "$SAVES" ]; then
    ok "SIGKILL during reading: $saves confirmed saves over $runs kills, none lost (${ms} ms)"
else
    notok "SIGKILL during reading: every confirmed section survives" "${bad:-only $saves saves in $runs runs}"
fi
note "durability (reading): $saves confirmed saves, $runs SIGKILLs, $torn left a temporary file (killed mid-save), kill window ${window} ms, ${ms} ms"
if ls "$D/pydive/profiles/reader" 2>&1 | grep -q damaged; then notok "no file was ever set aside as damaged" "$(ls "$D/pydive/profiles/reader")"
else ok "no file was ever set aside as damaged"; fi
total=0; for c in 1 2 3 4 5 6 7; do total=$((total + $(cat "$W/conf.$c"))); done
[ "$total" -gt 7 ] && ok "the kills reached every chapter ($total sections confirmed)" \
    || notok "the kills reached every chapter" "$total sections confirmed"
# the next writer removes what a killed save left behind
echo q | $PYDIVE --plain --profile reader > /dev/null 2>&1
if ls "$D/pydive/profiles/reader" 2>&1 | grep -q '\.tmp-'; then notok "the next start removes temporary files of killed saves" "$(ls "$D/pydive/profiles/reader")"
else ok "the next start removes temporary files of killed saves"; fi

# ==== durability: SIGKILL during `pydive assess` ===============================
answers=0; runs=0; torn=0; bad=""
want_answers=$((SAVES / 4))
t0=$(now_ms)
# answers that fit every kind of item sooner or later (one number, a set, an order)
awk 'BEGIN { for (r = 0; r < 40; r++) { print "1"; print "1 2"; print "2 1 3"; print "1 2 3 4";
    print "4 3 2 1 5"; print "1 2 3 4 5 6" } }' > "$W/answers.in"
file=$D/pydive/profiles/learner/assessments.yaml
while [ "$answers" -lt "$want_answers" ] && [ "$runs" -lt 1000 ]; do
    runs=$((runs + 1))
    torn=$((torn + $(ls "$D/pydive/profiles/learner" 2>/dev/null | grep -c '\.tmp-')))
    $PYDIVE assess --chapter $((runs % 7 + 1)) --profile learner < "$W/answers.in" > "$W/out" 2> "$W/err" &
    pid=$!
    started "$pid" "$W/out"
    sleep "$(printf '0.%03d' "$(rand 15)")"
    kill -KILL "$pid" 2>/dev/null; wait "$pid" 2>/dev/null
    if grep -q 'damaged\|not saved\|not be saved' "$W/err"; then bad="run $runs: $(head -n 3 "$W/err")"; break; fi
    # the verdict follows the prompt on its line (the answer is not echoed)
    answers=$((answers + $(grep -c 'stop): \(Right\.$\|Not quite\|Partly right\)' "$W/out")))
    if ! $PYDIVE stage --json --profile learner > "$W/json" 2> "$W/err" || [ -s "$W/err" ]; then
        bad="run $runs: stage --json: $(cat "$W/err")"; break
    fi
    kept=$(grep -c '^- item: ' "$file" 2>/dev/null)
    if [ "${kept:-0}" -lt "$answers" ]; then
        bad="run $runs: $answers answers confirmed, ${kept:-0} in the file"; break
    fi
done
ms=$(($(now_ms) - t0))
if [ -z "$bad" ] && [ "$answers" -ge "$want_answers" ]; then
    ok "SIGKILL during assess: $answers confirmed answers over $runs kills, none lost (${ms} ms)"
else
    notok "SIGKILL during assess: every confirmed answer survives" "${bad:-only $answers answers in $runs runs}"
fi
note "durability (answers): $answers confirmed answers (${kept:-0} in the file), $runs SIGKILLs, $torn left a temporary file, ${ms} ms"

# ==== durability: SIGKILL during `pydive export -o` =============================
# An export replaces its file atomically: after any kill the file is the last
# complete export (it imports), and an export the learner was told about
# ("Exported ... sha256:PREFIX...") is the one on disk.
exports=0; runs=0; bad=""
want_runs=$((SAVES / 5))
t0=$(now_ms)
$PYDIVE export --profile learner -o "$W/timing.export" 2> /dev/null
span=$(( ($(now_ms) - t0) * 2 + 5 ))   # kills spread over twice one export's time (ASan is slower)
[ "$span" -gt 999 ] && span=999
while [ "$runs" -lt "$want_runs" ]; do
    runs=$((runs + 1))
    case $((runs % 3)) in 0) f=yaml ;; 1) f=json ;; *) f=csv ;; esac
    $PYDIVE export --profile learner --format $f -o "$W/stick.export" > /dev/null 2> "$W/told" &
    pid=$!
    sleep "$(printf '0.%03d' "$(rand "$span")")"
    kill -KILL "$pid" 2>/dev/null; wait "$pid" 2>/dev/null
    [ -e "$W/stick.export" ] || continue   # killed before the first export finished
    if ! $PYDIVE import "$W/stick.export" --profile probe > /dev/null 2> "$W/err"; then
        bad="run $runs ($f): the export on disk does not import: $(head -n 2 "$W/err")"; break
    fi
    said=$(sed -n 's/^Exported .*sha256:\([0-9a-f]*\)\.\.\.$/\1/p' "$W/told")   # on stderr
    if [ -n "$said" ]; then
        exports=$((exports + 1))
        tail -n 3 "$W/stick.export" | grep -q "sha256:$said" \
            || { bad="run $runs ($f): told sha256:$said..., the file has $(tail -n 3 "$W/stick.export" | grep sha256)"; break; }
    fi
done
ms=$(($(now_ms) - t0))
if [ -z "$bad" ] && [ "$exports" -gt 0 ]; then
    ok "SIGKILL during export: $exports confirmed exports over $runs kills, every file complete (${ms} ms)"
else
    notok "SIGKILL during export: every export file is complete" "${bad:-no export finished in $runs runs}"
fi
note "durability (exports): $exports confirmed exports, $runs SIGKILLs within ${span} ms of the start, ${ms} ms"

# ==== disk full and read-only home ==============================================
# sandbox SCRIPT: runs SCRIPT (sh) in a private user+mount namespace when
# unshare allows it; prints what the script prints.
can_unshare=no
unshare -rm sh -c "mount -t tmpfs -o size=64k tmpfs '$W' && umount '$W'" 2>/dev/null && can_unshare=yes
P=$(cd "$(dirname "$PYDIVE")" 2>/dev/null && pwd)/$(basename "$PYDIVE")
case "$PYDIVE" in *" "*) P=$PYDIVE ;; esac   # "valgrind ./pydive": leave as it is

# -- disk full
F=$W/full
mkdir -p "$F"
cat > "$W/full.sh" <<EOF
export XDG_DATA_HOME="$F"
P="$P"
if [ "\$1" = tmpfs ]; then
    mount -t tmpfs -o size=256k tmpfs "$F" || exit 3
fi
printf '1\n\n\n\nq\n' | \$P --plain --profile full > /dev/null 2>&1
echo "before=\$?"
if [ "\$1" = tmpfs ]; then
    dd if=/dev/zero of="$F/filler" bs=1k 2>/dev/null
    printf '2\n\n\n\nq\n' | \$P --plain --profile full > "$W/full.out" 2> "$W/full.err"
    echo "full=\$?"
    printf '1\n1\n1\nq\n' | \$P assess --chapter 1 --profile full > /dev/null 2> "$W/full.assess.err"
    echo "assess=\$?"
else
    # a file-size limit below the size of progress.yaml: writes fail with EFBIG
    ( trap '' XFSZ; ulimit -f 1; printf '2\n\n\n\nq\n' | \$P --plain --profile full > "$W/full.out" 2> "$W/full.err"; echo "full=\$?" )
    ( trap '' XFSZ; ulimit -f 1; printf '1\n1\n1\nq\n' | \$P assess --chapter 1 --profile full > /dev/null 2> "$W/full.assess.err"; echo "assess=\$?" )
fi
\$P progress --json --profile full > "$W/full.json" 2>&1
echo "progress=\$?"
ls "$F/pydive/profiles/full" | tr '\n' ' ' > "$W/full.ls"
rm -f "$F/filler"
printf '2\n\nq\n' | \$P --plain --profile full > /dev/null 2>&1
echo "after=\$?"
\$P progress --json --profile full > "$W/full.json2" 2>&1
EOF
if [ $can_unshare = yes ]; then how="a full 256 KiB tmpfs"; unshare -rm sh "$W/full.sh" tmpfs > "$W/full.rc" 2>&1
else how="a file-size limit (ulimit -f, EFBIG)"; sh "$W/full.sh" ulimit > "$W/full.rc" 2>&1; fi
note "disk full simulated with $how"
rc() { sed -n "s/^$1=//p" "$2"; }
[ "$(rc before "$W/full.rc")" = 0 ] && ok "disk full: saves work before the disk fills" \
    || notok "disk full: saves work before the disk fills" "$(cat "$W/full.rc")"
[ "$(rc full "$W/full.rc")" = 1 ] && ok "disk full: --plain exits 1 when progress could not be saved" \
    || notok "disk full: --plain exits 1 when progress could not be saved" "$(cat "$W/full.rc")" "$(cat "$W/full.err")"
if grep -q 'progress not saved: cannot write .*progress.yaml: \(No space left on device\|File too large\)' "$W/full.err"; then
    ok "disk full: the message names the file and the reason"
else notok "disk full: the message names the file and the reason" "$(head -n 3 "$W/full.err")"; fi
[ "$(grep -c 'not saved' "$W/full.err")" -le 4 ] && ok "disk full: one message per failed save, not a flood" \
    || notok "disk full: one message per failed save, not a flood" "$(wc -l < "$W/full.err") lines"
grep -q '\[Section 2.3 of' "$W/full.out" && ok "disk full: reading goes on" || notok "disk full: reading goes on" "$(tail -n 3 "$W/full.out")"
[ "$(rc assess "$W/full.rc")" = 1 ] && grep -q 'cannot write' "$W/full.assess.err" \
    && ok "disk full: assess says the answers were not saved and exits 1" \
    || notok "disk full: assess says the answers were not saved and exits 1" "$(cat "$W/full.rc")" "$(cat "$W/full.assess.err")"
if [ "$(rc progress "$W/full.rc")" = 0 ] && grep -q '"number": 1, .*"read": 4,' "$W/full.json"; then
    ok "disk full: what was saved before is intact and parses"
else notok "disk full: what was saved before is intact and parses" "$(cat "$W/full.json")"; fi
if grep -q 'tmp-\|damaged' "$W/full.ls"; then notok "disk full: no temporary or damaged files left" "$(cat "$W/full.ls")"
else ok "disk full: no temporary or damaged files left"; fi
if [ "$(rc after "$W/full.rc")" = 0 ] && grep -q '"number": 2, .*"read": 2,' "$W/full.json2"; then
    ok "disk full: saving works again once there is room"
else notok "disk full: saving works again once there is room" "$(cat "$W/full.rc")" "$(cat "$W/full.json2")"; fi

# -- read-only XDG_DATA_HOME (an existing profile, and a fresh one)
R=$W/ro
mkdir -p "$R"
printf '1\n\n\nq\n' | XDG_DATA_HOME=$R $PYDIVE --plain --profile ro > /dev/null 2>&1
cat > "$W/ro.sh" <<EOF
export XDG_DATA_HOME="$R"
P="$P"
if [ "\$1" = mount ]; then
    mount --bind "$R" "$R" && mount -o remount,bind,ro "$R" || exit 3
else
    chmod -R a-w "$R"
fi
printf '3\n\n\nq\n' | \$P --plain --profile ro > "$W/ro.out" 2> "$W/ro.err"
echo "plain=\$?"
printf '1\n1\nq\n' | \$P assess --chapter 1 --profile ro > /dev/null 2> "$W/ro.assess.err"
echo "assess=\$?"
\$P progress --json --profile ro > "$W/ro.json" 2> "$W/ro.json.err"
echo "progress=\$?"
printf '1\n\nq\n' | \$P --plain --profile fresh > "$W/ro.fresh.out" 2> "$W/ro.fresh.err"
echo "fresh=\$?"
ls -R "$R" | tr '\n' ' ' > "$W/ro.ls"
EOF
if [ $can_unshare = yes ]; then unshare -rm sh "$W/ro.sh" mount > "$W/ro.rc" 2>&1; ro_how="a read-only bind mount"
elif [ "$(id -u)" -ne 0 ]; then sh "$W/ro.sh" chmod > "$W/ro.rc" 2>&1; ro_how="chmod a-w"
else ro_how=""; fi
if [ -n "$ro_how" ]; then
    note "read-only home simulated with $ro_how"
    [ "$(rc plain "$W/ro.rc")" = 0 ] && grep -q '\[Section 3.2 of' "$W/ro.out" \
        && ok "read-only home: --plain still reads, exit 0" \
        || notok "read-only home: --plain still reads, exit 0" "$(cat "$W/ro.rc")" "$(cat "$W/ro.err")"
    grep -q "cannot be saved\|will not be saved" "$W/ro.out" "$W/ro.err" && ! grep -q "open in another pydive" "$W/ro.out" "$W/ro.err" \
        && ok "read-only home: says up front that progress will not be saved, and why" \
        || notok "read-only home: says up front that progress will not be saved, and why" "$(cat "$W/ro.err")" "$(grep Note "$W/ro.out")"
    grep -qi 'read-only file system\|permission denied' "$W/ro.err" && ok "read-only home: the message names the cause" \
        || notok "read-only home: the message names the cause" "$(cat "$W/ro.err")"
    [ "$(rc assess "$W/ro.rc")" = 1 ] && grep -q 'not be saved\|not saved' "$W/ro.assess.err" \
        && ok "read-only home: assess warns and exits 1 (answers not kept)" \
        || notok "read-only home: assess warns and exits 1 (answers not kept)" "$(cat "$W/ro.rc")" "$(cat "$W/ro.assess.err")"
    [ "$(rc progress "$W/ro.rc")" = 0 ] && grep -q '"number": 1, .*"read": 3,' "$W/ro.json" \
        && ok "read-only home: the saved progress is intact and readable" \
        || notok "read-only home: the saved progress is intact and readable" "$(cat "$W/ro.json" "$W/ro.json.err")"
    [ "$(rc fresh "$W/ro.rc")" = 0 ] && grep -q '\[Section 1.1 of' "$W/ro.fresh.out" \
        && ok "read-only home: a new profile can still read the course" \
        || notok "read-only home: a new profile can still read the course" "$(cat "$W/ro.rc")" "$(cat "$W/ro.fresh.err")"
    grep -q 'tmp-\|damaged' "$W/ro.ls" && notok "read-only home: nothing half-written" "$(cat "$W/ro.ls")" \
        || ok "read-only home: nothing half-written"
else
    ok "read-only home # SKIP root without unshare: permissions cannot stop root"
fi
chmod -R u+w "$R" 2>/dev/null

# ==== the terminal, in tmux ==================================================
command -v tmux >/dev/null 2>&1 || { notok "tmux is not installed"; echo "1..$n"; exit 1; }
E=$W/term
mkdir -p "$E"
export XDG_DATA_HOME=$E
tm() { tmux -L "$T" "$@"; }
screen() { tm capture-pane -p -t t 2>/dev/null; }
# start SIZE CMD...: pydive in a fresh pane; after it ends the pane reports
# its exit status and the terminal modes that matter for a shell prompt.
start() {
    size=$1; shift
    # a loaded machine can fail to create the window ("create window
    # failed"): up to three tries before the checks run on nothing
    for try in 1 2 3; do
        tm kill-server 2>/dev/null
        i=0; while tm has-session 2>/dev/null && [ $i -lt 50 ]; do sleep 0.05; i=$((i + 1)); done
        tm -f /dev/null new-session -d -s t -x "${size%x*}" -y "${size#*x}" \
            "env XDG_DATA_HOME=$E TERM=${TERM_OVERRIDE:-xterm-256color} $*; echo EXITED:\$?; \
             stty -a | tr ' ;' '\n\n' | grep -E '^-?(icanon|echo|isig|icrnl|opost)\$' | tr '\n' ' '; echo STTY; sleep 60" \
            2>/dev/null && tm has-session -t t 2>/dev/null && return 0
        sleep 1
    done
}
wait_for() {
    i=0; limit=$(( ${2:-5} * 10 ))
    while [ $i -lt $limit ]; do
        screen | grep -qF -- "$1" && return 0
        sleep 0.1; i=$((i + 1))
    done
    return 1
}
keys() { tm send-keys -t t "$@"; sleep 0.15; }
check() {
    if wait_for "$2" "${3:-5}"; then ok "$1"; else notok "$1" "expected to see: $2" "screen was:" "$(screen | sed 's/^/  | /' | head -n 40)"; fi
}
pydive_pid() { pgrep -P "$(tm display -p -t t '#{pane_pid}')" | head -n 1; }
# the terminal after pydive ended: modes a shell needs, main screen, cursor shown
restored() {
    wait_for STTY 5; sleep 0.3
    modes=$(screen | grep 'STTY$' | tail -n 1)
    alt=$(tm display -p -t t '#{alternate_on}')
    cur=$(tm display -p -t t '#{cursor_flag}')
    case "$modes" in *-icanon*|*-echo\ *|*-isig*|*-icrnl*|*-opost*) ;;
    *) if [ "$alt" = 0 ] && [ "$cur" = 1 ]; then ok "$1"; return; fi ;; esac
    notok "$1" "stty: $modes" "alternate screen: $alt, cursor shown: $cur"
}

# -- sizes
start 20x6 $PYDIVE
check "20x6: a clear 'too small' message instead of a broken screen" "too small"
keys q
check "20x6: q still quits" "EXITED:0"
start 400x120 $PYDIVE
check "400x120 opens" "Python Memory Model Deep Dive"
keys 1
check "400x120 reads a chapter" "Ch 1/7"
widest=$(screen | LC_ALL=C.UTF-8 wc -L)
[ "$widest" -le 400 ] && ok "400x120: nothing drawn past the edge" || notok "400x120: nothing drawn past the edge" "$widest columns"
keys q
check "400x120 quits" "EXITED:0"

# -- resize storm: many resizes in a row, tiny and huge, then a normal size
start 100x30 $PYDIVE
wait_for "Python Memory Model" 5
keys 2
for i in $(seq 1 60); do
    tm resize-window -t t -x $((10 + $(rand 300))) -y $((3 + $(rand 100)))
done
for i in $(seq 1 20); do tm resize-window -t t -x $((60 + i)) -y $((16 + i)); done
tm resize-window -t t -x 100 -y 30
check "after a storm of 80 resizes the reader is back" "Ch 2/7"
sleep 0.5
pid=$(pydive_pid)
cpu=$(ps -o time= -p "$pid" 2>/dev/null | awk -F: '{ print $NF + 60 * $(NF - 1) }')
[ "${cpu%.*}" -lt 10 ] 2>/dev/null && ok "the storm cost ${cpu:-?} s of CPU" || notok "the storm cost little CPU" "cpu: $cpu"
keys j j j
keys q
check "and quits normally" "EXITED:0"
restored "the terminal is restored after the storm"

# -- TERM variants
for term in xterm-256color vt100; do
    TERM_OVERRIDE=$term start 80x24 $PYDIVE
    check "TERM=$term opens" "Python Memory Model Deep Dive"
    keys 1
    check "TERM=$term reads" "Ch 1/7"
    keys q
    check "TERM=$term quits" "EXITED:0"
    restored "TERM=$term restores the terminal"
done
TERM_OVERRIDE=dumb start 80x24 $PYDIVE
check "TERM=dumb says why and reads as plain text" "cannot move the cursor"
check "TERM=dumb shows the plain menu" "Choose:"
keys 1 Enter
check "TERM=dumb: a chapter can be read" "[Section 1.1 of"
keys q Enter
check "TERM=dumb quits with 0" "EXITED:0"
start 80x24 env -u TERM $PYDIVE
check "TERM unset: falls back to plain text" "TERM is not set"
keys q Enter
check "TERM unset quits with 0" "EXITED:0"
TERM_OVERRIDE=no-such-terminal start 80x24 $PYDIVE
check "an unknown TERM falls back to plain text" "not a terminal type this system knows"
keys q Enter
start 80x24 env LANG=C LC_ALL=C NO_COLOR=1 $PYDIVE
check "LANG=C NO_COLOR=1 opens" "Python Memory Model Deep Dive"
keys 3
check "LANG=C NO_COLOR=1 reads" "Ch 3/7"
if screen | LC_ALL=C grep -q '[^ -~]'; then notok "LANG=C draws ASCII only" "$(screen | LC_ALL=C grep '[^ -~]' | head -3)"
else ok "LANG=C draws ASCII only"; fi
keys q
check "LANG=C quits" "EXITED:0"

# -- input bursts: hundreds of keys at once
start 100x30 $PYDIVE
wait_for "Python Memory Model" 5
keys 4
wait_for "Ch 4/7" 5
t0=$(now_ms)
tm send-keys -t t $(for i in $(seq 1 300); do printf 'j '; done)
tm send-keys -t t $(for i in $(seq 1 100); do printf 'k '; done)
tm send-keys -t t $(for i in $(seq 1 50); do printf 'Down PageDown Up PageUp ] [ '; done)
# reader keys in a random order (none that quits, opens a quiz or jumps away)
tm send-keys -t t -l "$(head -c 4000 /dev/urandom | LC_ALL=C tr -dc 'jkgGdufb []' | head -c 400)"
# and typing into the search prompt: here q and Q are text, not "quit"
keys /
tm send-keys -t t -l "$(head -c 4000 /dev/urandom | LC_ALL=C tr -dc 'a-zA-Z0-9 ' | head -c 300)"
keys Escape Escape h
check "after 1,600 keys at once pydive still answers" "About this series" 10
note "the burst took $(($(now_ms) - t0)) ms to settle"
keys q
check "and quits with 0" "EXITED:0"
restored "the terminal is restored after the burst"

# -- Ctrl-Z (SIGTSTP) and fg (SIGCONT) from an interactive shell with job
# control: the shell gets the terminal back, and fg brings the reader back
# even when the terminal changed size meanwhile.
tm kill-server 2>/dev/null
sleep 0.2
tm -f /dev/null new-session -d -s t -x 100 -y 30 "env -i PATH=$PATH HOME=$W PYDIVE_DATA=$PYDIVE_DATA ASAN_OPTIONS=${ASAN_OPTIONS:-} TERM=xterm-256color PS1='prompt\$ ' bash --norc --noprofile -i"
wait_for 'prompt$' 5
tm send-keys -t t -l "XDG_DATA_HOME=$E $PYDIVE"; keys Enter
wait_for "Python Memory Model" 5
keys 5
wait_for "Ch 5/7" 5
keys C-z
check "Ctrl-Z suspends pydive and the shell gets the terminal" "Stopped"
[ "$(tm display -p -t t '#{alternate_on}')" = 0 ] && ok "Ctrl-Z leaves the main screen" \
    || notok "Ctrl-Z leaves the main screen" "alternate screen still on"
tm resize-window -t t -x 90 -y 25
tm send-keys -t t -l "fg"; keys Enter
check "fg brings the reader back" "Ch 5/7"
sleep 0.5
last=$(screen | sed -n '25p')
case "$last" in *q*quit*|*"?"*) ok "fg redraws at the new size (90x25)" ;;
    *) notok "fg redraws at the new size (90x25)" "row 25: $last" "$(screen | sed 's/^/  | /')" ;; esac
keys j j
keys q
tm send-keys -t t -l 'echo EXITED:$?'; keys Enter
check "it quits with 0 after the suspension" "EXITED:0"
tm send-keys -t t -l "stty -a | tr ' ;' '\n\n' | grep -E '^-?(icanon|echo|isig|icrnl|opost)\$' | tr '\n' ' '; echo STTY"; keys Enter
restored "the terminal is restored after suspend and resume"

# -- SIGHUP: state saved, status 129, terminal restored
start 100x30 $PYDIVE
wait_for "Python Memory Model" 5
keys 6
wait_for "Ch 6/7" 5
keys j j j
pid=$(pydive_pid)
kill -HUP "$pid"
check "SIGHUP ends pydive with status 129" "EXITED:129"
restored "SIGHUP restores the terminal"
$PYDIVE progress 2>/dev/null | grep -q "Resume at .*chapter 6" && ok "SIGHUP kept the place" \
    || notok "SIGHUP kept the place" "$($PYDIVE progress 2>&1)"

# -- a real hang-up: the pane is closed under pydive
start 100x30 $PYDIVE
wait_for "Python Memory Model" 5
keys 7
wait_for "Ch 7/7" 5
pid=$(pydive_pid)
tm kill-pane -t t
i=0; while kill -0 "$pid" 2>/dev/null && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
kill -0 "$pid" 2>/dev/null && { notok "a closed terminal ends pydive" "still running"; kill -KILL "$pid"; } \
    || ok "a closed terminal ends pydive within $((i * 100)) ms"
$PYDIVE progress 2>/dev/null | grep -q "Resume at .*chapter 7" && ok "the hang-up kept the place" \
    || notok "the hang-up kept the place" "$($PYDIVE progress 2>&1)"

echo "1..$n"
[ $fails -eq 0 ]
