#!/bin/sh
# End-to-end tests: the real pydive in a real terminal (tmux), driven by
# keys and read back from the screen, as a learner would use it.  TAP output.
#
# Every run uses a private tmux server and a temporary XDG_DATA_HOME, so it
# never touches the learner's own progress.
cd "$(dirname "$0")/../.." || exit 2
# $PYDIVE is the program under test (a sanitizer build, or valgrind ./pydive).
PYDIVE=${PYDIVE:-./pydive}
command -v tmux >/dev/null 2>&1 || { echo "not ok 1 - tmux is not installed"; exit 1; }

T="pydive-e2e-$$"
DATA=$(mktemp -d)
export XDG_DATA_HOME="$DATA"
. tests/lib/tmux.sh
trap tmux_cleanup EXIT

# the reader's text: every row but the top and bottom bars
top_line() { settled | sed '1d;$d'; }

# ---- start: the series page with all seven chapters --------------------
start 100x30 $PYDIVE
check "series page opens" "Python Memory Model Deep Dive"
$PYDIVE list 2>/dev/null | sed -n '2,$p' | sed 's/^ *\([0-9]*\)\. \(.\{1,40\}\).*/\1|\2/' | sed 's/ *$//' > "$DATA/titles"
[ "$(wc -l < "$DATA/titles")" -eq 7 ] && ok "list shows seven chapters" || notok "list shows seven chapters" "$(cat "$DATA/titles")"
while IFS='|' read -r num title; do
    short=$(printf '%s' "$title" | cut -c1-30)
    check "chapter $num is on the series page" "$num. $short"
done < "$DATA/titles"
check "with no progress, reading starts at chapter one" "Start reading  Chapter 1"

# ---- help ---------------------------------------------------------------
keys '?'
check "? shows the keys" "Chapter reader"
keys Escape
check "Esc closes the help" "Start reading"

# ---- search across every chapter ------------------------------------------
keys /
check "/ opens the search prompt" "Search: _"
tm send-keys -t t -l "gc_refs"; sleep 0.2
keys Enter
check "Enter lists the matches" "Search 'gc_refs':"
keys Enter
check "Enter opens the chapter of the match" "Ch 2/7"
keys h
check "h returns to the series page, which now offers Resume" "Resume  Chapter 2"

# ---- the glossary: a term's first explanation is one key away -------------
keys T
check "T opens the glossary" "Glossary:"
keys Enter
check "Enter goes to the term's first explanation" "Ch 1/7"
keys h
keys h

# ---- open a chapter and scroll -----------------------------------------
keys 2
check "2 opens chapter two" "Ch 2/7"
for i in 1 2 3 4 5 6 7 8 9 10 11 12; do keys j; done
keys Space
sleep 0.5
before=$(top_line)
[ -n "$before" ] && ok "scrolling moves the text" || notok "scrolling moves the text" "top line is empty"
keys s
check "s opens the section menu" "Sections (Enter jumps"
keys Escape
check_not "Esc closes the section menu" "Sections (Enter jumps"
keys q
check "q quits" "EXITED:0"

# ---- start again: Resume lands on the same line -------------------------
start 100x30 $PYDIVE
check "progress is remembered" "Resume  Chapter 2"
keys Enter
check "Resume opens chapter two" "Ch 2/7"
sleep 0.5
after=$(top_line)
if [ "$before" = "$after" ]; then ok "Resume lands on the same line"
else notok "Resume lands on the same line" "before: $before" "after:  $after"; fi
$PYDIVE progress 2>/dev/null | grep -q "Resume at chapter 2" && ok "pydive progress reports the place" \
    || notok "pydive progress reports the place" "$($PYDIVE progress 2>&1)"

# ---- resizing at any moment ----------------------------------------------
tm resize-window -t t -x 70 -y 20
check "resize to 70x20 keeps reading" "Ch 2/7"
tm resize-window -t t -x 40 -y 10
check "a tiny terminal gets an enlarge message" "Terminal too small"
tm resize-window -t t -x 80 -y 24
check "growing back restores the reader" "Ch 2/7"
keys n
check "n goes to the next chapter" "Ch 3/7"
keys h
check "h goes back to the series page" "About this series"
keys q
check "q quits from the series page" "EXITED:0"

# ---- settings: an extra key for an action, a theme ---------------------
mkdir -p "$DATA/cfg/pydive"
printf 'theme: high-contrast\nkeys:\n  quit: X\n' > "$DATA/cfg/pydive/config.yaml"
start 100x30 env XDG_CONFIG_HOME="$DATA/cfg" $PYDIVE
wait_for "Resume" 5
keys X
check "a key from the settings file works (X quits)" "EXITED:0"

# ---- a second instance on the same profile is read-only -----------------
start 100x30 $PYDIVE
wait_for "Resume" 5
tm new-window -d -t t: -n second "env XDG_DATA_HOME=$DATA $PYDIVE; sleep 30"
i=0; while [ $i -lt 100 ] && ! tm capture-pane -p -t t:second | grep -qF "reading only"; do sleep 0.1; i=$((i + 1)); done
if tm capture-pane -p -t t:second | grep -qF "reading only"; then ok "a second instance opens read-only"
else notok "a second instance opens read-only" "$(tm capture-pane -p -t t:second)"; fi
keys q

# ---- LANG=C and NO_COLOR: ASCII only, still readable ----------------------
start 80x24 env LANG=C LC_ALL=C NO_COLOR=1 $PYDIVE
check "LANG=C starts" "Python Memory Model Deep Dive"
if screen | LC_ALL=C grep -q '[^ -~]'; then notok "LANG=C draws ASCII only" "$(screen | LC_ALL=C grep '[^ -~]' | head -3)"
else ok "LANG=C draws ASCII only"; fi
keys 1
check "LANG=C reader works" "Ch 1/7"
keys q

# ---- TERM=vt100 (no colours) ---------------------------------------------
TERM_OVERRIDE=vt100 start 80x24 $PYDIVE
check "TERM=vt100 starts" "Python Memory Model Deep Dive"
keys q
check "TERM=vt100 quits cleanly" "EXITED:0"

# ---- SIGTERM saves and restores ------------------------------------------
start 100x30 $PYDIVE
wait_for "Resume" 5
keys 4
check "chapter four opens" "Ch 4/7"
# the pane runs sh -c "env ... pydive; ...": pydive is the shell's child
pid=$(pgrep -P "$(tm display -p -t t '#{pane_pid}')" | head -n 1)
[ -n "$pid" ] && kill -TERM "$pid"
check "SIGTERM ends pydive" "EXITED:143"
$PYDIVE progress 2>/dev/null | grep -q "Resume at .*chapter 4" && ok "SIGTERM kept the place" \
    || notok "SIGTERM kept the place" "$($PYDIVE progress 2>&1)"

# ---- a chapter check and the stage assessment, kept across restarts -------
start 100x30 $PYDIVE
wait_for "Resume" 5
keys a
check "a opens the skill-stage dashboard" "Your skill stage and roadmap"
keys 1
check "1 starts chapter one's check" "Chapter 1 check"
keys 1 Enter
check "an answer is scored and explained" "Answer:"
keys Enter
keys 9 9 Enter
check "a second answer is scored" "Answer:"
keys Escape
check "Esc ends the check with a summary" "You answered 2 items"
keys x
check "the dashboard shows the evidence" "2 answers"
keys a
check "the stage assessment starts from the dashboard" "Stage assessment"
keys 1 Enter
keys Escape
check "the stage assessment ends" "You answered 1 item"
keys x
keys q
check "quit after assessing" "EXITED:0"
start 100x30 $PYDIVE
wait_for "Resume" 5
keys a
check "sessions survive a restart" "History: 2 sessions"
keys R
check "R asks for a self-rating" "Rate: _"
tm send-keys -t t -l "2 4"; sleep 0.2
keys Enter
check "a self-rating is recorded" "Noted: you rate yourself 4 of 5"
keys j
check "the rated area says so" "self-rated"
keys q
tomorrow=$(( $(date +%s) + 2 * 86400 ))
start 100x30 env PYDIVE_NOW=$tomorrow $PYDIVE
wait_for "Resume" 5
keys a
check "missed items are due a day later" "due today (press v)"
keys v
check "v starts the review of the missed items" "Review"
keys Escape
check "Esc ends the review with a summary" "Session finished"
keys R
check "a key on the summary is not swallowed: R goes back and asks for a rating" "Rate: _"
keys Escape
keys q

# ---- run --watch: step, back, run, resize, an error in the output ----------
start 100x30 $PYDIVE run tests/oracle/shared/s07_cycle_with_finalizers.py --python 3.11 --watch
check "run --watch shows the program" "s07_cycle_with_finalizers.py"
check "the first line is about to run" "step 0 "
keys Right Right Right
check "Right steps one statement at a time" "step 3 "
check_not "a first run does not claim to know its length" "step 3 of 3"
keys Left
check "Left steps back through the record" "step 2 "
keys Right Right Right
keys o
check "o opens the pool just used" "Pool "
keys Escape
check "Esc in the pool view goes back to the arena map" "Arenas:"
check_not "and not out of the program" "EXITED"
check "still the program" "s07_cycle_with_finalizers.py"
keys G
check "G runs to the end" "finished, names freed"
steps=$(screen | sed -n 's/.*step \([0-9]*\) of \([0-9]*\).*/\1 \2/p' | head -n 1)
[ -n "$steps" ] && [ "${steps% *}" = "${steps#* }" ] && ok "at the end the total is known (step $steps)" \
    || notok "at the end the total is known" "$(screen | head -n 1)"
keys c
check "c steps the collector with a phase counter of its own" "collector phase 1 of 9"
screen | head -n 1 | grep -qF "step ${steps% *} of ${steps#* }" && ok "collector phases do not count as steps" \
    || notok "collector phases do not count as steps" "$(screen | head -n 1)"
check "each c names the model's own phase" "collector phase 1 of 9: update refs"
keys c
check "the next c, the next phase" "collector phase 2 of 9: subtract refs"
i=0; while [ $i -lt 12 ] && ! screen | head -n 1 | grep -q "collection done"; do keys c; i=$((i + 1)); done
check "the end of the collection says what it collected" "collection done: collected 0"
keys G
check "the output pane shows what the program printed" "collected 3"
keys Tab Tab
check "Tab switches to the object graph" "Objects:"
tm resize-window -t t -x 80 -y 24
check "resizing mid-run keeps the screen" "Output"
tm resize-window -t t -x 150 -y 45
check "a big terminal shows the views side by side" "Collector: generations"
keys g
keys r
sleep 1
check "Enter/r runs the program live to its end" "finished"
keys q
check "q leaves run --watch" "EXITED:0"
printf 'a = [1]\nprint("before")\nprint(c)\n' > "$DATA/err.py"
start 100x30 $PYDIVE run "$DATA/err.py" --python 3.11 --watch
wait_for "err.py" 5
keys G
check "a runtime error is shown in the output pane" "NameError: name 'c' is not defin"
keys q

# ---- pydive run without --watch: Ctrl-C stops a runaway program at once -----
# with CPython's KeyboardInterrupt traceback, and the process dies by SIGINT as
# CPython's does (the pane stays to be read); it ran on for minutes before.
# The exit status is checked in tests/cli.
printf 'x = 0\nwhile True:\n    x += 1\n' > "$DATA/loop.py"
tm kill-server 2>/dev/null; sleep 0.1
tm -f /dev/null new-session -d -s t -x 80 -y 24 \; set-option -g remain-on-exit on
tm respawn-pane -k -t t "env XDG_DATA_HOME=$DATA $PYDIVE run $DATA/loop.py"
sleep 1
keys C-c
check "Ctrl-C ends run with a KeyboardInterrupt" "KeyboardInterrupt"
check "the traceback names the line that was running" ", in <module>"
tm kill-server 2>/dev/null

# ---- exercises of each kind, from the course screens -----------------------
# predict: the question comes before its line runs, then the program goes on
start 110x34 $PYDIVE exercise run survivors-hold-arenas
check "exercise run opens a predict exercise" "Predict: Survivors hold their arenas"
check "the first question waits before its line" "Question 1 of 3"
keys 2 Enter
check "an answer gets its verdict and explanation" "Right. Answer: 2"
keys Space
keys Right
check "the next question comes at its own line" "Question 2 of 3"
keys 1 Enter Space
keys Right
check "the third question comes at its line" "Question 3 of 3"
keys 9 Enter Space
check "answering every question right solves it" "3 of 3 right. Solved."
keys q
$PYDIVE exercise list 2>/dev/null | grep -q "survivors-hold-arenas.*solved" && ok "the solved predict exercise is recorded" \
    || notok "the solved predict exercise is recorded" "$($PYDIVE exercise list 2>&1)"

# predict, answered wrong: a second try before the answer shows, and a pass with
# wrong answers is "1 of 3 right", not solved (it was marked solved whatever was answered)
start 100x30 $PYDIVE exercise run survivors-hold-arenas --profile wrong
check "the first question asks at once, before line 1 runs" "Question 1 of 3 (before line 1 runs)"
keys 1 Enter
check "a wrong first answer gets a second try" "Question 1 of 3 (before line 1 runs): second try"
check_not "the answer is not shown before the second try" "Answer: 2"
keys 3 Enter
check "two wrong answers show the answer" "Not right, twice. Answer: 2"
check "a lesson link reads as its section number and title" "(§1."
check_not "no raw anchor leaks into the explanation" "ch01#"
keys x
check "any key: the line runs" "step 1 "
keys Right
check "the next question asks as soon as its line is next" "Question 2 of 3"
keys 1 Enter
check "a right answer is right" "Right. Answer: 1"
keys x
keys Right
check "the third question asks at its line" "Question 3 of 3"
keys 1 Enter 2 Enter
keys x
check "the pass says how many were right" "1 of 3 right. Not solved yet"
check_not "a pass with wrong answers is not solved" "✓ solved"
keys q
check "q leaves the exercise" "EXITED:0"
$PYDIVE exercise list --profile wrong 2>/dev/null | grep -q "survivors-hold-arenas.*1 of 3 right" \
    && ok "the list says 1 of 3 right" || notok "the list says 1 of 3 right" "$($PYDIVE exercise list --profile wrong 2>&1 | grep survivors)"
rm -rf "$DATA/pydive/profiles/wrong" # one profile again: no picker for the tests below

# fix, with watch mode: a save reruns the check
start 110x34 $PYDIVE exercise run break-the-cycle
check "exercise run opens a fix exercise" "Fix it: Break the parent-child cycle"
check "the starter fails the check" "Check: not yet."
check "a fix exercise opens at its first step, not on the finished frame" "step 0 of"
check_not "not on the finished frame" "finished, names freed"
keys '?'
wait_for "Keys" 3
screen | sed -n 2p | grep -q "Program and its views" && ok "? opens at this screen's keys" \
    || notok "? opens at this screen's keys" "$(screen | head -n 3)"
[ "$(screen | grep -c 'go back')" -le 1 ] && ok "? lists each key once" || notok "? lists each key once" "$(screen | grep 'go back')"
screen | grep "go back" | grep -q "Left" && notok "Left is listed once (it steps back here)" "$(screen | grep 'go back')" \
    || ok "Left is listed once (it steps back here)"
keys Escape
keys H
check "H shows the first hint" "Hint 1 of 3"
keys H
check "a second H shows the second hint" "Hint 2 of 3"
keys H
check "the third H shows the third hint, whole" "follow it by calling it: parent()."
$PYDIVE exercise list 2>/dev/null | grep -q "break-the-cycle.*3 hints" && ok "three hints shown, three counted" \
    || notok "three hints shown, three counted" "$($PYDIVE exercise list 2>&1 | grep break-the)"
WORK=$(ls "$DATA"/pydive/profiles/*/work/break-the-cycle.py | head -n 1)
sed -i 's/child.parent = self/child.parent = weakref.ref(self)/; s/\.parent\.name/.parent().name/; 1i import weakref' "$WORK"
check "watch mode reruns the saved file, and it passes" "Check: passed."
check "passing solves the exercise" "Solved!"
keys S
check "S shows the reference solution once solved" "Solution"
check "the solution's code is on screen" "child.parent = weakref.ref(self)"
check_not "no promise of a solution below" "see below"
keys q
# the learner's editor: e hands over the terminal, the save reruns it
$PYDIVE exercise reset break-the-cycle >/dev/null 2>&1
printf '#!/bin/sh\nsed -i "s/child.parent = self/child.parent = None/" "$1"\n' > "$DATA/editor.sh"
chmod +x "$DATA/editor.sh"
start 110x34 env EDITOR="$DATA/editor.sh" $PYDIVE exercise run break-the-cycle
check "the reset file fails again" "Check: not yet."
keys e
sleep 1
grep -q "child.parent = None" "$WORK" && ok "e ran the learner's editor on the work file" \
    || notok "e ran the learner's editor on the work file" "$(grep -n parent "$WORK")"
check "after the editor, the edited file is checked again" "Check: not yet."
keys q

# from the lesson: the section's exercise is one key away
start 110x34 $PYDIVE
wait_for "Resume" 5
keys /
tm send-keys -t t -l "survivors-hold-arenas"; sleep 0.2
keys Enter Enter
check "search lands in the lesson section with the exercise" "Exercise (predict): Survivors hold their arenas"
keys x
check "x opens the section's exercise" "Predict: Survivors hold their arenas"
check "a new pass asks its first question at once" "Question 1 of 3"
check "the question's key bar says what Esc does" "Esc: leave"
keys Escape
check "Esc on an open question leaves the exercise, back to the lesson" "Ch 1/7"
keys q

# no $VISUAL or $EDITOR: the small built-in editor
start 110x34 env -u VISUAL -u EDITOR $PYDIVE exercise run break-the-cycle
check "the fix exercise opens again" "Fix it:"
keys e
check "e opens the built-in editor without an EDITOR" "Editing"
tm send-keys -t t -l "# edited here"; sleep 0.2
keys Enter
keys C-o
check "Ctrl-O saves" "Saved"
keys C-x
check "Ctrl-X returns to the exercise" "Fix it:"
head -n 1 "$WORK" | grep -q "^# edited here" && ok "the built-in editor wrote the file" \
    || notok "the built-in editor wrote the file" "$(head -n 2 "$WORK")"
keys q

# a __del__ exercise opens on the object graph, the view it names
start 80x24 $PYDIVE exercise run when-del-runs
check "when-del-runs opens" "Predict:"
check "it opens on the graph" "Objects:"
check_not "not on the arena map" "Arenas:"
keys q

# sandbox: a playground with every view
start 110x34 $PYDIVE exercise run sandbox
check "exercise run opens the sandbox" "Sandbox:"
check "the sandbox shows the views, the graph first" "Objects:"
keys q

# a new learner at 80x24: every exercise of every chapter opens with its
# title and its first hint (or says it has none); the list is the course's own
$PYDIVE exercise list 2>/dev/null | awk '/^Chapter [0-9]:/ {on = 1; next}
    /^Chapter/ {on = 0} on && /^  [a-z]/ {print $1, $2}' > "$DATA/ch12"
[ "$(wc -l < "$DATA/ch12")" -ge 25 ] && ok "the chapters list at least 25 exercises" \
    || notok "the chapters list at least 25 exercises" "$(cat "$DATA/ch12")"
while read -r id kind; do
    case $kind in predict) head="Predict:" ;; fix) head="Fix it:" ;; *) head="Sandbox:" ;; esac
    start 80x24 $PYDIVE exercise run "$id"
    check "$id opens at 80x24" "$head"
    keys H
    if [ "$kind" = sandbox ]; then check "$id says it has no hints" "no hints"
    else check "$id shows its first hint at 80x24" "Hint 1 of 3"; fi
    keys q
done < "$DATA/ch12"

# chapter 3 end to end at 80x24: the question waits before its `run` line, the
# verdict shows, then the run plays out on the live timeline (GIL row, lanes)
start 80x24 $PYDIVE exercise run predict-the-speed-up
check "the GIL lab exercise opens" "Predict: Four threads"
check "the lab screen names its lab" "GIL scheduler lab"
keys Enter
check "running stops at the first question" "Question 1 of 2 (before line 7"
check "the first run's timeline is drawn before it" "w0"
keys 1 Enter
check "the answer is judged" "Right. Answer: 1"
keys x Enter
check "the next run plays on the timeline" "playing"
sleep 3
check "four lanes took turns under the GIL" "w3"
check "the GIL row names its holders" "GIL  0000"
check "the second question waits before the free-threaded run" "Question 2 of 2"
keys 2 Enter x Enter
sleep 3
check "the exercise ends solved" "how much faster? ✓ solved"
keys Tab
check "Tab shows the speed-up page" "Speed-up against one thread"
keys '?'
check "? on a lab lists its directives first" "The GIL scheduler lab: one directive a line"
check "the card shows the run directive" "runs what is set and plays its timeline"
keys Escape
check "Esc goes back to the lab" "Speed-up against one thread"
keys q

# charts: C on the series page opens chapter 6's charts, n/p browse them with
# the source always shown, q goes back; at 60x16 in ASCII with NO_COLOR too
start 80x24 $PYDIVE
check "series page before the charts" "Python Memory Model Deep Dive"
keys C
check "C opens the charts from the series page" "Chart 1 of"
check "a chart shows its source" "Source:"
keys n
check "n shows the next chart" "Chart 2 of"
keys q
check "q goes back from the charts to the series page" "Python Memory Model Deep Dive"
keys q
start 60x16 env LANG=C LC_ALL=C NO_COLOR=1 $PYDIVE
check "LANG=C 60x16 starts" "Deep Dive"
keys C
check "charts open at 60x16" "Source:"
if screen | LC_ALL=C grep -q '[^ -~]'; then notok "charts at 60x16 LANG=C draw ASCII only" "$(screen | LC_ALL=C grep '[^ -~]' | head -3)"
else ok "charts at 60x16 LANG=C draw ASCII only"; fi
keys q
keys q

# ---- chapter 7: the keyboard path from the series page to the learner's own
# stage assessment and roadmap, on a fresh profile, without leaving the
# course; the chapter's check then changes what the roadmap recommends
DATA_ALL=$DATA; DATA=$DATA_ALL/ch7; mkdir -p "$DATA"
start 100x30 $PYDIVE
check "ch7 path: the series page opens" "Python Memory Model Deep Dive"
keys 7
check "ch7 path: 7 opens chapter 7" "Ch 7/7"
keys s
check "ch7 path: s lists the roadmap section" "7.11  Your stage assessment and roadmap"
keys Down Down Down Down Down Down Down Down Down Down Enter
check "ch7 path: the section opens" "7.11 Your stage assessment and roadmap"
keys x
check "ch7 path: x opens the roadmap playground" "Playground: your own roadmap"
check "ch7 path: the playground opens at its first line" "0 lines run"
keys G
check "ch7 path: the playground ranks a roadmap" "Roadmap for llm-api-service"
keys Escape
check "ch7 path: Esc returns to chapter 7" "Ch 7/7"
keys a
check "ch7 path: a opens the dashboard" "Your skill stage and roadmap"
check "ch7 path: a new learner's roadmap" "AI-era engineering practice: not assessed → Proficient (priority 6.0)"
keys a
check "ch7 path: a starts the stage assessment" "Stage assessment · item 1"
keys Escape
screen | grep -qF "Enter goes back" && keys Enter
check "ch7 path: Esc returns to the dashboard" "Your skill stage and roadmap"
keys 7
check "ch7 path: 7 starts chapter 7's check" "Chapter 7 check · item 1"
keys 1 Enter
check "ch7 path: the first item answered right" "Right."
keys Escape
check "ch7 path: the check ends with what was answered" "Session finished"
keys Enter
check "ch7 path: the answer moved AI-era practice up a rung" "AI-era engineering practice: Advanced beginner → Proficient (priority 4.0)"
check_not "ch7 path: the old priority is gone" "(priority 6.0)"
check "ch7 path: concurrency now ranks above AI-era practice" "2. Concurrency, the GIL and free-threading"
keys q
DATA=$DATA_ALL

# tables: D in chapter 4 opens the binding tools, s sorts by a column (n/m
# last), r reverses, / filters as you type, q goes back to the chapter; the
# selected row shows in full even at 60x16 in ASCII
start 80x24 $PYDIVE
keys 4
keys D
check "D in chapter 4 opens its table" "Table 1 of 1: Binding tools side by side"
check "the table starts in the file's order" "file order"
keys s s s s
check "s sorts by the next column" "sorted by ns per call"
check "the fastest call is first (its row in full below)" "ns per call           21"
keys r
check "r reverses: the slowest measured call first" "ns per call           209 to 238"
keys / f r e e
check "/ types a filter" "Filter: free_"
keys Enter
check "the filter keeps the rows that mention it" "2 of 8 rows"
keys q
check "q goes back to the chapter" "Ch 4/7"
start 60x16 env LANG=C LC_ALL=C NO_COLOR=1 $PYDIVE
keys D
keys j
check "at 60x16 the selected row shows in full" "libffi, typed at run time"
keys q

# a section with two exercises: x opens the first one on screen, so the second is
# one key away once the reader has scrolled past the first
start 80x24 $PYDIVE
keys 3
keys s
keys j j j j j Enter
check "the section menu jumps to 3.6" "3.6 of"
i=0
while [ $i -lt 80 ] && ! screen | sed -n 2p | grep -qF "Exercise (fix it): Make the CPU-bound"; do
    keys j; i=$((i + 1))
done
keys x
check "x opens the exercise on screen, the section's second" "make-it-scale.gil"
keys q

# ---- the learner's path: the bar of all exercises, X, the section menu's marks,
# x on a section with two, R on a lesson's code block, n/N after a search
DATA_ALL=$DATA; DATA=$DATA_ALL/path; mkdir -p "$DATA"
start 100x30 $PYDIVE
check "the series page shows every exercise as one bar" "Exercises, in lesson order (X: the next one)"
# every exercise of the course but the sandboxes (a count written here went
# stale each time an exercise was added)
nsolvable=$(grep -L 'kind = "sandbox"' exercises/ch*/*.lua | wc -l)
check "none solved yet" "0/$nsolvable solved"
keys X
check "X opens the first exercise not solved" "Predict: The 512-byte line"
keys Escape Escape
keys 3
keys s
check "the section menu marks sections with exercises" "exercise"
keys j j j j j Enter
check "3.6 opens" "3.6 of"
keys x
check "x on a section with two exercises offers both" "This section offers two or more exercises"
check "the first is listed" "Four threads, four cores"
check "the second is listed" "Make the CPU-bound job use eight cores"
keys 2
check "2 opens the second" "make-it-scale.gil"
keys Escape
check "Esc returns to the lesson" "Ch 3/7"
keys Escape
keys /
tm send-keys -t t -l "_debugmallocstats"; sleep 0.2
keys Enter Enter
check "search lands on a code block" "_debugmallocstats"
keys R
check "R runs the lesson's code block on the model" "The lesson's code on the model of CPython 3.11"
check "the example program is on the program screen" "example-1."
keys Escape
check "Esc returns to the lesson" "Ch 1/7"
keys /
tm send-keys -t t -l "reserve arena"; sleep 0.2
keys Enter Enter
first=$(settled | head -n 1)
keys n
[ "$(settled | head -n 1)" != "$first" ] || screen | grep -q "No more 'reserve arena'" \
    && ok "n goes to the next match (or says there is none)" || notok "n goes to the next match" "$(screen | head -n 3)"
keys q
DATA=$DATA_ALL

# a workshop pack of chapters 1-3: no chart or table keys for chapters it has not
start 100x30 $PYDIVE --course assets/packs/intro-workshop
check "the pack opens" "workshop pack"
check_not "no tables key without chapter 4" "D tables"
check_not "no charts key without chapter 6" "C charts"
keys C
check "C says there are no charts here" "No charts in the chapters open here."
check_not "the pack does not describe seven chapters" "the last two step back"
keys q

# the profile picker preselects the login user's own profile, not the first by name
me=$(ls "$DATA/pydive/profiles" | head -n 1)
mkdir -p "$DATA/pydive/profiles/0-another"
cp "$DATA/pydive/profiles/$me/progress.yaml" "$DATA/pydive/profiles/0-another/" 2>/dev/null
start 100x30 env USER="$me" LOGNAME="$me" $PYDIVE
check "two profiles: the picker asks" "who is reading?"
screen | grep -F "$(printf '\342\226\270')" | grep -qF " $me " && ok "the picker preselects the login user ($me)" \
    || notok "the picker preselects the login user ($me)" "$(screen | head -n 6)"
keys q
rm -rf "$DATA/pydive/profiles/0-another"

echo "1..$n"
[ $fails -eq 0 ]
