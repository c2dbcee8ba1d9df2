-- Fix it: four network waits done one after another; threads overlap them.
-- On the simulated interpreter: time.sleep releases the GIL (as a blocking read does in
-- CPython), so waiting threads overlap and four waits take about as long as one.
return {
    id = "overlap-the-waits",
    title = "Overlap four waits with threads",
    goal = "Fetch the four pages in under 100 ms of simulated time (each waits 50 ms on the "
        .. "network) and still print ['a', 'b', 'c', 'd'].",
    kind = "fix",
    view = "threads", -- the view the program opens on
    difficulty = 2,
    competencies = { "concurrency-gil" },
    hints = {
        "Where does the time go: running Python, or waiting?",
        "A thread that waits on I/O releases the GIL, so other threads run meanwhile: see "
            .. "ch03#io-releases-the-gil.",
        "Start one threading.Thread(target=fetch, args=(name,)) per page, then join() them "
            .. "all before printing.",
    },
    starter = [[
import threading
import time

results = []


def fetch(name):
    time.sleep(0.05)  # waiting on the network
    results.append(name)


for name in "abcd":
    fetch(name)
print(sorted(results))
]],
    solution = [[
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
]],
    check = function(run)
        if run.exit ~= 0 then
            return false, "the program stopped with an error: " .. (run.error or "?")
        end
        if run.stdout[#run.stdout] ~= "['a', 'b', 'c', 'd']" then
            return false, "print the four results once all are in: ['a', 'b', 'c', 'd']"
        end
        local th = run.threads()
        if th.count < 2 then
            return false, string.format("%.0f ms of simulated time: the four waits run one "
                .. "after another in the main thread", th.ms)
        end
        if th.ms >= 100 then
            return false, string.format("%.0f ms of simulated time, %d threads: do the waits "
                .. "overlap?", th.ms, th.count)
        end
        return true, string.format("%.0f ms for four 50 ms waits: the threads waited at once, "
            .. "each releasing the GIL", th.ms)
    end,
}
