-- Predict, then observe: two CPU-bound Python threads on the GIL.
-- On the simulated interpreter's scheduler (docs/THREADS.md): start() waits until the new
-- thread has run, the waiting thread asks for a drop after the switch interval (5 ms,
-- sys.getswitchinterval() in CPython 3.11-3.13), and CPU-bound threads take turns.
-- The model's answers are read from the scheduler's lanes (run.threads()).
return {
    id = "predict-the-hand-offs",
    title = "Predict the GIL's hand-offs between two threads",
    goal = "Predict when the main thread gets the GIL back from a counting thread, and how "
        .. "long two counting threads take together.",
    kind = "predict",
    view = "threads", -- the view the program opens on
    difficulty = 2,
    competencies = { "concurrency-gil" },
    hints = {
        "A thread that wants the GIL waits; after the switch interval it asks the holder to "
            .. "drop it.",
        "A thread holding the GIL lets go only when it blocks, ends, or is asked to drop it: "
            .. "see ch03#switch-interval (and ch03#cpu-bound-threads).",
        "Counting never blocks: the main thread waits one switch interval, then asks.",
    },
    solution = "After t1.start() the main thread waits about one switch interval (5 ms) for "
        .. "the GIL, then asks t1 to drop it. The two counts take turns, so together they "
        .. "take about twice as long as one: the threads view shows one lane running at a time.",
    program = [[
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
]],
    steps = {
        {
            at = 13,
            ask = "t1.start() returns once t1 has started running, and t1 counts without "
                .. "blocking. When does the main thread run its next line, t2.start()?",
            choices = {
                "At once: start() has returned, so main goes on",
                "After about one switch interval: main waits for the GIL, then asks t1 to drop it",
                "Only once t1 has finished counting",
            },
            answer = 2,
            explain = "start() returned, but t1 holds the GIL. The main thread waits for it; "
                .. "after the switch interval with no hand-off it sets the drop request, and "
                .. "t1 lets go at its next check (the ! in the threads view). See "
                .. "ch03#switch-interval. G runs on to the next question.",
            model = function(run)
                local th = run.threads()
                for _, r in ipairs(th.log) do
                    if r.thread == 0 and r.lane == "gil-wait" then
                        local wait = r.t1 - r.t0
                        if wait < 0.5 then return 1 end
                        if wait > 2 * 5 then return 3 end
                        return 2
                    end
                end
                return 3
            end,
        },
        {
            at = 15,
            ask = "Each thread counts the same range. Compared with one count on its own, how "
                .. "long do the two threads take until both are done?",
            choices = {
                "About as long as one: they count at once on two cores",
                "About twice as long as one: they take turns holding the GIL",
                "Far longer: the hand-offs cost more than the counting",
            },
            answer = 2,
            explain = "Only the thread holding the GIL runs Python, so the lanes run one at a "
                .. "time and the total is the sum of both counts: threads do not make "
                .. "CPU-bound Python faster under the GIL (ch03#cpu-bound-threads).",
            model = function(run)
                local th = run.threads()
                local one = math.max(th.lanes[2].run, th.lanes[3].run)
                local both = 0
                for _, r in ipairs(th.log) do
                    if r.thread ~= 0 and r.t1 > both then both = r.t1 end
                end
                local ratio = both / one
                if ratio < 1.4 then return 1 end
                if ratio < 2.6 then return 2 end
                return 3
            end,
        },
    },
}
