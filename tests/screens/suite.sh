#!/bin/sh
# The program screen as a learner meets it, in a real terminal (tmux): the
# exercise pane at small sizes (scrolling as less does, Esc, the file line),
# the object graph's edges and the frames with their locals, at 80x24,
# 60x16, 200x60, after a resize, with NO_COLOR and with LANG=C.  TAP output.
# Every run uses a private tmux server and a temporary XDG_DATA_HOME.
cd "$(dirname "$0")/../.." || exit 2
PYDIVE=${PYDIVE:-./pydive}
command -v tmux >/dev/null 2>&1 || { echo "not ok 1 - tmux is not installed"; exit 1; }

T="pydive-screens-$$"
DATA=$(mktemp -d)
KEY_PAUSE=0.2
. tests/lib/tmux.sh
trap tmux_cleanup EXIT

# ---- the exercise pane at 60x16: a long explanation scrolls as in less ------
start 60x16 $PYDIVE exercise run survivors-hold-arenas
check "the predict exercise asks at 60x16" "Your answer:"
check "the question's key bar names Esc" "Esc: leave"
keys 1 Enter
keys 2 Enter
check "the verdict shows" "Right at the second try"
check "the pane says where it stands, as less does" "lines 1-"
check "the pane says more follows" "more: j/k PgDn"
check_not "the explanation's end is below, not cut off unseen" "free only the empty"
keys j
check "j scrolls the explanation to its end" "free only the empty"
check_not "at the end, no more marker" "more: j/k PgDn"
keys k
check "k scrolls back up" "lines 1-"
keys PgDn
check "PgDn scrolls down" "free only the empty"
keys Right
check "any other key goes on: the line runs" "step 1"
keys Right Right
check "the next question opens before its line" "Question 2 of 3"
keys Escape
check "Esc on an open question leaves the exercise for the series page" "Python Memory Model Deep Dive"
check_not "... and the question is gone" "Your answer:"

# ---- the learner's file: one row at 80 columns ------------------------------
LONG="$DATA/a-rather-long-directory-for-learner-data"
mkdir -p "$LONG"
tm kill-server 2>/dev/null; sleep 0.2
tm -f /dev/null new-session -d -s t -x 80 -y 24 \
    "env XDG_DATA_HOME=$LONG TERM=xterm-256color $PYDIVE exercise run break-the-cycle; echo EXITED:\$?; sleep 30"
check "the fix exercise opens at 80x24" "Fix it:"
if screen | grep "Your file:" | grep -qF "(e edits it; a save reruns it)"; then
    ok "the file line is one row at 80 columns, its keys on it"
else
    notok "the file line is one row at 80 columns, its keys on it" "$(screen | sed 's/^/  | /')"
fi
screen | grep "Your file:" | grep -qF "break-the-cycle.py" && ok "the file line keeps the file's name" \
    || notok "the file line keeps the file's name" "$(screen | grep -A1 'Your file')"
keys q

# ---- the object graph: frames with their locals, references as lines ---------
cat > "$DATA/calls.py" <<'PYEOF'
def make(n):
    items = [n]
    def inner(k):
        items.append(k)
        return len(items)
    inner(n + 1)
    return items
a = make(1)
b = make(2)
a.append(b)
b.append(a)
del a, b
done = True
print(done)
PYEOF
# steps: the line about to run, as the source pane marks it
step_to() { # LINE: Right until line LINE is next (at most 40 steps)
    i=0
    while [ $i -lt 40 ]; do
        screen | grep -qE "^ *$1 (▸|>) " && return 0
        keys Right; i=$((i + 1))
    done
    return 1
}
start 80x24 $PYDIVE run "$DATA/calls.py" --watch --views graph
check "the graph opens at 80x24 on the globals' frame" "Globals"
keys Right Right Right Right
check "inside make(): its frame is drawn below the globals" "make"
check "a local's name is on screen" "n "
keys Right Right Right Right Right
check "inner's frame, with its cell variable, is drawn" "inner"
check "lines end in arrowheads at the boxes" "▶│"
screen > "$DATA/fwd.txt"
keys Right
keys Left
sleep 0.3
screen > "$DATA/back.txt"
if cmp -s "$DATA/fwd.txt" "$DATA/back.txt"; then ok "a step back draws the frames and lines the step forward drew"
else notok "a step back draws the frames and lines the step forward drew" "$(diff "$DATA/fwd.txt" "$DATA/back.txt" | head -20)"; fi
check_not "no crossing is drawn as a junction of four" "┼"
# the cycle a <-> b after both returned: a back reference is a line, not text alone
step_to 12
check "the globals name both lists" "b ─"
screen | grep -qE "│ *─*┘|┐" && ok "the back reference b -> a is drawn as a line" \
    || notok "the back reference b -> a is drawn as a line" "$(screen | sed 's/^/  | /')"
keys j j
sleep 0.3
screen | grep -qE "more [<>]*\^" && ok "j scrolls the graph down: the view says more is above" \
    || notok "j scrolls the graph down: the view says more is above" "$(screen | sed 's/^/  | /')"
check_not "... the globals' title has scrolled off" "Globals"
keys k k
check "k scrolls it back" "Globals"
tm resize-window -t t -x 200 -y 60; sleep 0.5
check "resized to 200x60, the graph still shows its frames" "Globals"
check "... and the refs rows" "refs #"
tm resize-window -t t -x 60 -y 16; sleep 0.5
check "resized to 60x16, the graph's header still shows, in short" "Objects: 6,"
keys q
check "q leaves" "EXITED:0"

# LANG=C: the same lines in ASCII
start 80x24 env LANG=C LC_ALL=C $PYDIVE run "$DATA/calls.py" --watch --views graph
check "LANG=C: the graph opens" "Globals"
keys Right Right Right Right Right Right Right Right Right
check "LANG=C: arrowheads are ASCII" "->|"
check_not "LANG=C: no box-drawing characters leak" "─"
keys q

# NO_COLOR: what colour told (garbage, the focus) is told by glyphs too
start 100x30 env NO_COLOR=1 $PYDIVE run "$DATA/calls.py" --watch --views graph
check "NO_COLOR: the graph opens" "Globals"
step_to 12
keys Right
check "NO_COLOR: the cycle, dropped, is marked garbage by its x" "x#"
check "NO_COLOR: the cycle is marked by its glyph" "↺"
keys f
check "NO_COLOR: the focused object is marked by its pointer" "▸#"
keys q

# ---- the threads view: a lane per thread, the GIL's hand-offs -----------------
cat > "$DATA/two.py" <<'PYEOF'
import threading

def count(n):
    total = 0
    for i in range(n):
        total += i
    return total

t1 = threading.Thread(target=count, args=(200000,))
t2 = threading.Thread(target=count, args=(200000,))
t1.start()
t2.start()
t1.join()
t2.join()
print("done")
PYEOF
start 80x24 $PYDIVE run "$DATA/two.py" --python 3.11 --watch
check "a threaded program opens at 80x24" "two.py"
check_not "before a thread starts, no threads tab" " threads "
keys G
check "G runs it to the end" "finished"
check "a thread started: the threads view gets a tab" " threads "
keys Tab Tab Tab Tab
check "Tab reaches the threads view" "Threads: 3 on the GIL, t = 18.1 ms"
check "... the GIL's holder, thread 1 then thread 2" "GIL  1111"
check "... a lane per thread" "t2   "
check "... the hand-offs counted, two on a drop request" "hand-offs 7, 2 on a drop request"
check "... the switch interval in the legend" "switch interval 5.0 ms"
screen | grep -q "^.*main .*·" && ok "the main thread waits for the GIL while thread 1 runs" \
    || notok "the main thread waits for the GIL while thread 1 runs" "$(screen | sed 's/^/  | /')"
screen | grep -q "\^ *!" && ok "hand-offs and drop requests are marked" \
    || notok "hand-offs and drop requests are marked" "$(screen | sed 's/^/  | /')"
keys Left
check "a step back keeps the threads view" "Threads: 3 on the GIL"
keys g
check "back to step 0: no thread yet, the heap views come back" "step 0"
check_not "... and the threads tab goes" " threads "
keys q

# alone, small, in ASCII without colour
start 60x16 env LANG=C LC_ALL=C NO_COLOR=1 $PYDIVE run "$DATA/two.py" --python 3.11 --watch --views threads
check "--views threads alone: before a thread, it says so" "Threads: only the main thr"
keys G
check "LANG=C at 60x16: the threads view" "Threads: 3 on the GIL"
check "LANG=C: running is # " "t1   ####"
check "LANG=C: the GIL wait is ." "main ...."
if screen | LC_ALL=C grep -q '[^ -~]'; then notok "LANG=C: the threads view is ASCII only" "$(screen | LC_ALL=C grep '[^ -~]' | head -3)"
else ok "LANG=C: the threads view is ASCII only"; fi
keys z
check "z zooms the lanes to the whole screen" "hand-offs 7, 2 on a drop request"
keys q
check "q leaves the threads view" "EXITED:0"

# under 3.13t: the lanes at once on the model's 2 cores, per-thread contention
start 80x24 $PYDIVE run "$DATA/two.py" --python 3.13t --watch --views threads
keys G
check "3.13t: the threads run at once on 2 cores" "Threads: 3 at once on 2 cores (3.13t, no GIL)"
check "3.13t: the row above the lanes counts the threads running" "run  "
check "3.13t: a line per thread of its reference-count paths" "own / shared / contended"
screen | grep -q "run  *2222" && ok "3.13t: two threads run at once while both count" \
    || notok "3.13t: two threads run at once while both count" "$(screen | sed 's/^/  | /')"
keys q

# ---- chapter 3's threads exercises at 80x24 -----------------------------------
start 80x24 $PYDIVE exercise run predict-the-hand-offs
check "the hand-offs exercise opens at 80x24" "Predict the GIL's hand-offs"
check "... at step 0" "step 0"
keys G
check "G runs to the first question, before t1.start()" "Question 1 of 2"
keys 2 Enter
check "the first answer is right" "Right. Answer: 2"
keys Right
check "the program goes on: the threads view opens once t1 exists" "Threads: 2 on the GIL"
keys G
check "G runs on to the second question" "Question 2 of 2"
check "... on the threads view, the lanes so far" "Threads: 3 on the GIL"
keys 2 Enter
check "the second answer is right" "Right. Answer: 2"
keys q

start 80x24 $PYDIVE exercise run overlap-the-waits
check "the overlap exercise opens at 80x24" "Fix it:"
check "the starter fails: the waits run one after another" "Check: not yet."
WORK=$(ls "$DATA"/pydive/profiles/*/work/overlap-the-waits.py | head -n 1)
cat > "$WORK" <<'PYEOF'
import threading
import time

results = []


def fetch(name):
    time.sleep(0.05)  # waiting on the network
    results.append(name)


workers = [threading.Thread(target=fetch, args=(name,)) for name in "abcd"]
for w in workers:
    w.start()
for w in workers:
    w.join()
print(sorted(results))
PYEOF
check "threads overlap the waits: the check passes" "Check: passed."
keys q

start 80x24 $PYDIVE exercise run workers-for-the-waits
check "the thread-pool exercise opens at 80x24" "Fix it:"
check "the starter fails: one worker waits eight times in turn" "Check: not yet."
WORK=$(ls "$DATA"/pydive/profiles/*/work/workers-for-the-waits.py | head -n 1)
cat > "$WORK" <<'PYEOF'
import time
from concurrent.futures import ThreadPoolExecutor


def fetch(page):
    time.sleep(0.05)  # waiting on the network
    return len(page) * 100


pages = ["home", "about", "blog", "news", "docs", "faq", "shop", "contact"]
with ThreadPoolExecutor(max_workers=8) as pool:
    sizes = list(pool.map(fetch, pages))
print(sizes)
PYEOF
check "eight workers overlap the waits: the check passes" "Check: passed."
keys q

start 80x24 $PYDIVE exercise run scale-the-cpu-pool
check "the 3.13t pool exercise opens at 80x24" "Fix it:"
check "... on the free-threaded profile" "3.13t"
check "the starter fails: the shared counter makes the threads take turns" "Check: not yet."
WORK=$(ls "$DATA"/pydive/profiles/*/work/scale-the-cpu-pool.py | head -n 1)
cat > "$WORK" <<'PYEOF'
import threading

lock = threading.Lock()
checked = 0  # how many numbers the workers have looked at, all together


def is_prime(n):
    if n < 2:
        return False
    d = 2
    while d * d <= n:
        if n % d == 0:
            return False
        d += 1
    return True


def count_primes(lo, hi, found):
    global checked
    primes = 0
    for n in range(lo, hi):
        if is_prime(n):
            primes += 1
    with lock:
        checked += hi - lo
    found.append(primes)


def run(workers):
    found = []
    step = 4000 // workers
    threads = [threading.Thread(target=count_primes, args=(i * step, (i + 1) * step, found))
               for i in range(workers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return sum(found)


primes = run(1)  # one thread: the time to beat (the check reads the model's clock)
again = run(4)
print("primes below 4000:", primes, again)
print("numbers checked:", checked)
PYEOF
check "counting locally, four threads scale on two cores: the check passes" "Check: passed."
keys q

# ---- chapter 3's processes exercise at 80x24 -----------------------------------
start 80x24 $PYDIVE exercise run scale-with-processes
check "the processes exercise opens at 80x24" "Fix it:"
check "the starter fails: the pool's threads take turns on the GIL" "Check: not yet."
WORK=$(ls "$DATA"/pydive/profiles/*/work/scale-with-processes.py | head -n 1)
sed 's/ThreadPoolExecutor/ProcessPoolExecutor/g' "$WORK" > "$DATA/new.py" && cat "$DATA/new.py" > "$WORK"
E2E_WAIT=15 # the model runs the children one after another: a loaded machine takes a few seconds
check "with a ProcessPoolExecutor the four tasks run on both cores: the check passes" "Check: passed."
unset E2E_WAIT
keys q

# ---- chapter 5's asyncio exercises at 80x24 -----------------------------------
start 80x24 $PYDIVE exercise run find-the-blocking-call
check "the blocking-call exercise opens at 80x24" "Fix it:"
check "the starter fails: the blocking call holds the loop" "Check: not yet."
keys G
check "G runs it: the exercise's first view is the loop view, one lane per task" "Loop: 4 tasks"
WORK=$(ls "$DATA"/pydive/profiles/*/work/find-the-blocking-call.py | head -n 1)
sed 's/    time.sleep(0.2)/    await asyncio.sleep(0.2)/' "$WORK" > "$DATA/new.py" && cat "$DATA/new.py" > "$WORK"
check "awaiting asyncio.sleep instead: the check passes" "Check: passed."
keys q

start 80x24 $PYDIVE exercise run cancel-without-leaking
check "the cancel exercise opens at 80x24" "Fix it:"
check "the starter fails: the task outlives main()" "Check: not yet."
WORK=$(ls "$DATA"/pydive/profiles/*/work/cancel-without-leaking.py | head -n 1)
sed 's/        print("main: too slow, giving up")/&\n        task.cancel()\n        await asyncio.wait([task])/' "$WORK" > "$DATA/new.py" && cat "$DATA/new.py" > "$WORK"
check "cancelled and waited for: the check passes" "Check: passed."
keys q

start 80x24 $PYDIVE exercise run results-as-they-arrive
check "the as_completed exercise opens at 80x24" "Fix it:"
check "the starter fails: gather() prints the answers in the order asked" "Check: not yet."
WORK=$(ls "$DATA"/pydive/profiles/*/work/results-as-they-arrive.py | head -n 1)
sed 's/    answers = await asyncio.gather(\*requests)/    answers = asyncio.as_completed(requests)/; s/        print(line)/        print(await line)/' "$WORK" > "$DATA/new.py" && cat "$DATA/new.py" > "$WORK"
check "as_completed over the coroutines: the check passes" "Check: passed."
keys q

# the loop view: a lane per asyncio task over simulated time, in ASCII at 60x16
cat > "$DATA/loop.py" <<'PYEOF'
import asyncio
import time


async def handle(i):
    time.sleep(0.2)  # blocks the loop
    print("served", i)


async def main():
    await asyncio.gather(*(handle(i) for i in range(3)))


asyncio.run(main())
PYEOF
start 60x16 env LANG=C LC_ALL=C NO_COLOR=1 $PYDIVE run "$DATA/loop.py" --python 3.11 --watch --views loop
check "--views loop alone: before asyncio.run, it says so" "Loop: no asyncio task so far"
keys G
check "after asyncio.run: a lane per task" "Loop: 4 tasks"
check "LANG=C: a blocking step runs (#) while the next task waits ready (.)" "Task-3  ....."
check "... and what each task awaited" "awaited: Task-1 gather"
if screen | LC_ALL=C grep -q '[^ -~]'; then notok "LANG=C: the loop view is ASCII only" "$(screen | LC_ALL=C grep '[^ -~]' | head -3)"
else ok "LANG=C: the loop view is ASCII only"; fi
keys q
check "q leaves the loop view" "EXITED:0"

# a method that uses super(): its frame lists self and its locals, not the
# implicit __class__ cell
printf 'class A:\n    def f(self):\n        x = [1]\n        return x\nclass B(A):\n    def f(self):\n        y = super().f()\n        return y\nb = B()\nb.f()\n' > "$DATA/sup.py"
$PYDIVE render view:graph --program "$DATA/sup.py" --step 8 --size 100x40 > "$DATA/sup.txt" 2>&1
grep -q "A.f" "$DATA/sup.txt" && grep -q "self" "$DATA/sup.txt" && ok "a method's frame is drawn with self" \
    || notok "a method's frame is drawn with self" "$(cat "$DATA/sup.txt")"
grep -q "__class__" "$DATA/sup.txt" && notok "no __class__ among a method's locals" "$(cat "$DATA/sup.txt")" \
    || ok "no __class__ among a method's locals"

# a program the model refuses before its first line: the source from the top
printf '# a comment first\nwith open("/proc/self/status") as f:\n    pass\nx = 1\nx = 2\nx = 3\nx = 4\nx = 5\nx = 6\nx = 7\nx = 8\nx = 9\nx = 10\nx = 11\nx = 12\nx = 13\nx = 14\nx = 15\nx = 16\nx = 17\nx = 18\nx = 19\nx = 20\nx = 21\nx = 22\nx = 23\n' > "$DATA/refused.py"
start 80x24 $PYDIVE run "$DATA/refused.py" --watch
check "a refused program opens at step 0" "step 0"
check "... its source from the first line, not the end" "1   # a comment first"
keys Right
check "... and a step shows the refusal in the output" "not modelled"
keys q

echo "1..$n"
[ $fails -eq 0 ]
