-- Fix it: a thread pool with one worker fetches eight pages one after another.
-- On the simulated interpreter (docs/MODELLED.md, concurrent.futures): the pool's workers
-- are threads on the GIL; time.sleep releases it (as a blocking read does in CPython), so
-- workers that wait overlap. CPU-bound work would not speed up this way (the same lanes
-- take turns, see ch03#cpu-bound-threads): that needs processes, which the model refuses
-- and chapter 3's lab shows (make-it-scale).
return {
    id = "workers-for-the-waits",
    title = "Give the thread pool workers for its waits",
    goal = "Fetch the eight pages in under 120 ms of simulated time (each waits 50 ms on the "
        .. "network) and still print the eight sizes in order.",
    kind = "fix",
    view = "threads", -- the view the program opens on
    difficulty = 2,
    competencies = { "concurrency-gil" },
    hints = {
        "How many of the eight waits can one worker do at a time?",
        "Each worker is a thread; a thread that waits releases the GIL, so the other workers "
            .. "run meanwhile: see ch03#io-releases-the-gil.",
        "Give ThreadPoolExecutor more workers: max_workers=8 (or 4: two rounds of waits).",
    },
    starter = [[
import time
from concurrent.futures import ThreadPoolExecutor


def fetch(page):
    time.sleep(0.05)  # waiting on the network
    return len(page) * 100


pages = ["home", "about", "blog", "news", "docs", "faq", "shop", "contact"]
with ThreadPoolExecutor(max_workers=1) as pool:
    sizes = list(pool.map(fetch, pages))
print(sizes)
]],
    solution = [[
import time
from concurrent.futures import ThreadPoolExecutor


def fetch(page):
    time.sleep(0.05)  # waiting on the network
    return len(page) * 100


pages = ["home", "about", "blog", "news", "docs", "faq", "shop", "contact"]
with ThreadPoolExecutor(max_workers=8) as pool:
    sizes = list(pool.map(fetch, pages))
print(sizes)
]],
    check = function(run)
        if run.exit ~= 0 then
            return false, "the program stopped with an error: " .. (run.error or "?")
        end
        if run.stdout[#run.stdout] ~= "[400, 500, 400, 400, 400, 300, 400, 700]" then
            return false, "print the eight sizes in the pages' order: "
                .. "[400, 500, 400, 400, 400, 300, 400, 700]"
        end
        local th = run.threads()
        if th.count < 3 then
            return false, string.format("%.0f ms of simulated time: one worker does the eight "
                .. "waits one after another", th.ms)
        end
        if th.ms >= 120 then
            return false, string.format("%.0f ms of simulated time, %d threads: are there "
                .. "enough workers for the waits to overlap?", th.ms, th.count)
        end
        return true, string.format("%.0f ms for eight 50 ms waits: the workers waited at "
            .. "once, each releasing the GIL", th.ms)
    end,
}
