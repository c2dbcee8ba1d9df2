-- Predict, then watch: CPU-bound threads under the GIL take turns; the
-- free-threaded build runs them side by side, a little slower each.
-- The figures come from the scheduler model (pydive gil --params lists its costs and
-- their sources); ch03#cpu-bound-threads has the measurement behind "cores busy 1.0".

local function run_at(run, line)
    for _, r in ipairs(run.runs) do
        if r.line == line then
            return r
        end
    end
    error("no run on line " .. line)
end

return {
    id = "predict-the-speed-up",
    title = "Four threads, four cores: how much faster?",
    goal = "Predict the speed-up of CPU-bound threads under the GIL and on the free-threaded build.",
    kind = "predict",
    model = "gil",
    difficulty = 2,
    competencies = { "concurrency-gil" },
    hints = {
        "While one thread computes in Python, what are the other three doing? Watch the GIL row.",
        "A thread gives the GIL up only when a drop request asks it to, so CPU-bound threads "
            .. "take turns on one core at a time: see ch03#cpu-bound-threads "
            .. "(and ch03#switch-interval).",
        "Under the GIL the four lanes run one after another: the speed-up stays near 1x. "
            .. "Free-threaded, they run at once, but each is slower by the build's overhead.",
    },
    solution = "With the GIL, four CPU-bound threads finish no faster than one (about 1.0x, "
        .. "one core busy of four): each holds the GIL for a switch interval (5 ms) while "
        .. "the others wait. On the free-threaded build the four run in parallel, so the "
        .. "speed-up is close to 4x, but not 4x: every thread pays the build's single-thread "
        .. "overhead. The model charges 10%, the figure PEP 779 gave in March 2025 while 3.14 "
        .. "was in development, which gives about 3.6x; What's New in 3.14 states roughly 5 "
        .. "to 10% and the current HOWTO 1 to 8% by platform, so a real run can come closer "
        .. "to 4x (ch03#overhead).",
    program = [[
# 1 ms of pure-Python work, repeated, on a 4-core machine
workload cpu
cores 4
threads 1
run
threads 4
run
regime free
run
]],
    steps = {
        {
            at = 7,
            ask = "One thread did the work at a speed-up of 1.0x. Now four threads run the "
                .. "same work under the GIL on four cores. Their speed-up?",
            choices = { "about 1x: no faster", "about 2x", "about 4x" },
            answer = 1,
            explain = "Only the thread holding the GIL runs Python; the other lanes show it "
                .. "waiting. Four threads take turns on one core's worth of work "
                .. "(ch03#cpu-bound-threads).",
            model = function(run)
                local s = run_at(run, 7).speedup
                if s < 1.3 then return 1 elseif s < 3 then return 2 end
                return 3
            end,
        },
        {
            at = 9,
            ask = "The same four threads on the free-threaded build (no GIL). Their speed-up?",
            choices = { "about 1x: no faster", "a little under 4x", "exactly 4x or more" },
            answer = 2,
            explain = "They run at once on four cores, but each thread is slower than on the "
                .. "default build: the model charges a 10% single-thread overhead (PEP 779's "
                .. "March 2025 figure; 3.14's What's New says 5 to 10%), so four threads give "
                .. "about 3.6x (ch03#overhead).",
            model = function(run)
                local s = run_at(run, 9).speedup
                if s < 1.3 then return 1 elseif s < 3.95 then return 2 end
                return 3
            end,
        },
    },
}
