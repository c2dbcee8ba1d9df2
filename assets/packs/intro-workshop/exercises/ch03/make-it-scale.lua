-- Fix it: a CPU-bound job that does not scale on 8 cores.

return {
    id = "make-it-scale",
    title = "Make the CPU-bound job use eight cores",
    goal = "Change how the eight workers run so the pure-Python job is at least 5x faster than one thread.",
    kind = "fix",
    model = "gil",
    difficulty = 2,
    competencies = { "concurrency-gil" },
    hints = {
        "Run it and look at the timeline: how many lanes run Python at the same moment?",
        "Under the GIL CPU-bound threads take turns; processes each have their own GIL, and "
            .. "the free-threaded build has none: see ch03#choosing-a-model "
            .. "(and ch03#cpu-bound-threads).",
        "Add one line before `run`: `regime processes` or `regime free`.",
    },
    starter = [[
# A pure-Python job on 8 cores, 8 workers. Make it at least 5x faster than one
# thread without changing the work or the number of workers.
cores 8
threads 8
workload cpu
run
]],
    solution = [[
# A pure-Python job on 8 cores, 8 workers. Make it at least 5x faster than one
# thread without changing the work or the number of workers.
cores 8
threads 8
workload cpu
regime processes
run
]],
    check = function(run)
        local r = run.last
        if not r then
            return false, "nothing ran: keep the `run` line"
        end
        if r.workload ~= "cpu" or r.threads ~= 8 or r.cores ~= 8 then
            return false, "keep the work (workload cpu), 8 workers and 8 cores"
        end
        if r.speedup < 5 then
            return false, string.format("speed-up %.2fx: %s", r.speedup,
                r.regime == "gil" and "under the GIL only one thread runs Python at a time"
                    or "not yet 5x")
        end
        return true, string.format("speed-up %.2fx with %s", r.speedup, r.regime)
    end,
}
