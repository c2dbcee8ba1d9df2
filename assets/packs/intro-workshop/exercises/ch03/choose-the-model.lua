-- Which work do threads speed up under the GIL, and what to use when they do not.
-- Figures from the scheduler model (pydive gil --workload io|native|cpu shows the same).

local function run_at(run, line)
    for _, r in ipairs(run.runs) do
        if r.line == line then
            return r
        end
    end
    error("no run on line " .. line)
end

local function fast(run, line)
    return run_at(run, line).speedup > 4 and 2 or 1
end

return {
    id = "choose-the-model",
    title = "Threads, processes or neither?",
    goal = "Tell which workloads threads speed up on the default build, and pick a model for the one they do not.",
    kind = "predict",
    model = "gil",
    difficulty = 3,
    competencies = { "concurrency-gil" },
    hints = {
        "For each workload, ask: while a thread waits or runs C code, does it hold the GIL?",
        "Blocking I/O and C code that releases the GIL let other threads run Python; pure "
            .. "Python bytecode does not: see ch03#io-releases-the-gil and ch03#choosing-a-model.",
        "I/O and native work scale with threads; the pure-Python loop needs processes "
            .. "(or a free-threaded build).",
    },
    solution = "I/O-bound work scales with threads (about 7.7x for 8 threads): a thread "
        .. "blocked in I/O has released the GIL. Native code that releases the GIL scales too "
        .. "(about 6.7x; the 0.1 ms of Python per task still takes turns). Pure-Python CPU "
        .. "work stays at about 1x. On the default build, processes give it the 8 cores "
        .. "(about 7.6x), at the price of start-up, pickling and memory.",
    program = [[
# 8 workers on 8 cores, default build (one GIL)
cores 8
threads 8
workload io      # 0.2 ms of Python, then 2 ms waiting on the network
run
workload native  # 0.9 ms in C code that releases the GIL, 0.1 ms of Python
run
workload cpu     # 1 ms of pure-Python bytecode
run
regime processes
run
]],
    steps = {
        {
            at = 5,
            ask = "Eight threads of I/O-bound work under the GIL. Speed-up against one thread?",
            choices = { "about 1x: the GIL serialises them", "well above 4x" },
            answer = 2,
            explain = "A thread waiting on the network has dropped the GIL, so the others run "
                .. "their 0.2 ms of Python meanwhile: the waits overlap (ch03#io-releases-the-gil).",
            model = function(run) return fast(run, 5) end,
        },
        {
            at = 7,
            ask = "Eight threads, each mostly in C code that releases the GIL. Speed-up?",
            choices = { "about 1x: the GIL serialises them", "well above 4x" },
            answer = 2,
            explain = "C code that releases the GIL (NumPy-style) runs on all cores at once; "
                .. "only the short Python part between calls takes turns (ch03#cpu-bound-threads).",
            model = function(run) return fast(run, 7) end,
        },
        {
            at = 9,
            ask = "Eight threads of pure-Python computation. Speed-up?",
            choices = { "about 1x: the GIL serialises them", "well above 4x" },
            answer = 1,
            explain = "Bytecode needs the GIL, so the threads take turns: one core busy of "
                .. "eight (ch03#cpu-bound-threads).",
            model = function(run) return fast(run, 9) end,
        },
        {
            at = 11,
            ask = "On the default build, what gets the pure-Python work onto all 8 cores?",
            choices = { "more threads", "one process per worker (multiprocessing)",
                        "a shorter switch interval" },
            answer = 2,
            explain = "Each process has its own interpreter and its own GIL, so the 8 run at "
                .. "once; they pay start-up, pickling and memory instead (ch03#processes-cost-memory).",
            model = function(run)
                return run_at(run, 11).speedup > 4 and 2 or 1
            end,
        },
    },
}
