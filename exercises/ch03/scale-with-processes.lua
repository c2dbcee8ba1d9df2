-- Fix it: four workers of a ThreadPoolExecutor count primes on the default build (3.11):
-- under the GIL they are no faster than one. Processes each have their own interpreter and
-- GIL and run on the simulated machine's cores (docs/THREADS.md, "Processes"): a
-- ProcessPoolExecutor's task is a fork of the model that runs on one of the 2 cores, its
-- result carried back as pickle would carry it. The check reads the program's own timings
-- (time.perf_counter() on the simulated clock) and the threads the run made.
return {
    id = "scale-with-processes",
    title = "Make a CPU-bound pool scale with processes",
    goal = "Make the four workers count the primes below 12000 at least 1.3 times as fast as "
        .. "one loop in this process (the model's machine has 2 cores), on the default build, "
        .. "still finding 1438 primes.",
    kind = "fix",
    view = "threads", -- the view the program opens on
    difficulty = 2,
    competencies = { "concurrency-gil" },
    hints = {
        "In the threads view, how many of the four pool threads run at once? What are the "
            .. "others waiting for?",
        "Under the GIL one thread runs Python at a time: ch03#cpu-bound-threads. A process "
            .. "has its own interpreter and its own GIL: ch03#processes-cost-memory.",
        "concurrent.futures has a ProcessPoolExecutor with the same map() as the "
            .. "ThreadPoolExecutor (multiprocessing.Pool's starmap does the same).",
    },
    starter = [[
import time
from concurrent.futures import ThreadPoolExecutor


def count_primes(lo, hi):
    found = 0
    for n in range(max(lo, 2), hi):
        d = 2
        while d * d <= n:
            if n % d == 0:
                break
            d += 1
        else:
            found += 1
    return found


bounds = [(0, 3000), (3000, 6000), (6000, 9000), (9000, 12000)]

start = time.perf_counter()
one = sum(count_primes(lo, hi) for lo, hi in bounds)
t_one = time.perf_counter() - start  # one after the other, in this process

start = time.perf_counter()
with ThreadPoolExecutor(max_workers=4) as pool:
    parts = list(pool.map(count_primes, [lo for lo, hi in bounds], [hi for lo, hi in bounds]))
t_pool = time.perf_counter() - start  # four workers

print("primes below 12000:", one, sum(parts))
print(f"four workers: {t_one / t_pool:.1f} times as fast")
]],
    solution = [[
import time
from concurrent.futures import ProcessPoolExecutor


def count_primes(lo, hi):
    found = 0
    for n in range(max(lo, 2), hi):
        d = 2
        while d * d <= n:
            if n % d == 0:
                break
            d += 1
        else:
            found += 1
    return found


bounds = [(0, 3000), (3000, 6000), (6000, 9000), (9000, 12000)]

start = time.perf_counter()
one = sum(count_primes(lo, hi) for lo, hi in bounds)
t_one = time.perf_counter() - start  # one after the other, in this process

start = time.perf_counter()
with ProcessPoolExecutor(max_workers=4) as pool:
    parts = list(pool.map(count_primes, [lo for lo, hi in bounds], [hi for lo, hi in bounds]))
t_pool = time.perf_counter() - start  # four workers

print("primes below 12000:", one, sum(parts))
print(f"four workers: {t_one / t_pool:.1f} times as fast")
]],
    check = function(run)
        if run.exit ~= 0 then
            return false, "the program stopped with an error: " .. (run.error or "?")
        end
        local out = table.concat(run.stdout, "\n")
        if not out:find("primes below 12000: 1438 1438", 1, true) then
            return false, "print the primes found by the loop and by the workers: "
                .. "primes below 12000: 1438 1438"
        end
        if not (run.global("t_one") and run.global("t_pool")) then
            return false, "keep the two timings, t_one and t_pool: the check compares them"
        end
        local one, pool = run.value("t_one"), run.value("t_pool")
        if type(one) ~= "number" or type(pool) ~= "number" or pool <= 0 then
            return false, "t_one and t_pool must stay the perf_counter() differences"
        end
        local threads = run.threads().count
        local ratio = one / pool
        if threads > 1 then
            return false, string.format("the workers are %d threads of this process, %.1f "
                .. "times as fast as one loop: under the GIL they take turns", threads - 1, ratio)
        end
        if ratio < 1.3 then
            return false, string.format("the workers are %.1f times as fast as one loop: "
                .. "four tasks on the model's 2 cores can come close to 2", ratio)
        end
        return true, string.format("the workers are %.1f times as fast as one loop: each "
            .. "process runs its own interpreter on its own core", ratio)
    end,
}
