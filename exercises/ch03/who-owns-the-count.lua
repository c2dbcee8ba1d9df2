-- Predict, then observe: biased reference counting on the free-threaded build.
-- The owner thread's operations stay on the local, non-atomic count; every other
-- thread's go through the shared, atomic one (PEP 703).  The lab counts the
-- shared-path operations exactly (run.rc_shared); their costs are its estimates
-- (brc_local_ns, brc_shared_ns, line_transfer_ns: pydive gil --params).

local function run_at(run, line)
    for _, r in ipairs(run.runs) do
        if r.line == line then
            return r
        end
    end
    error("no run on line " .. line)
end

local TOUCHES = 20000 -- reference operations per task, as in the program

return {
    id = "who-owns-the-count",
    title = "Who owns the count?",
    goal = "Predict which reference operations biased counting keeps on the owner's fast path, "
        .. "and what the other threads pay.",
    kind = "predict",
    model = "gil",
    difficulty = 3,
    competencies = { "concurrency-gil" },
    hints = {
        "Which thread made the cache, and which count does that thread write?",
        "The owner updates ob_ref_local without atomics; every other thread updates "
            .. "ob_ref_shared atomically: see ch03#brc-step-by-step.",
        "One worker alone: no shared operation. Four workers: three quarters of the "
            .. "operations are shared, and three cores writing one count slow everyone's tasks.",
    },
    solution = "Alone, worker 0 owns the cache, so all its operations stay local and none takes "
        .. "the shared path. With four workers, worker 0's quarter stays local and the other "
        .. "three quarters go through the shared count; three cores writing that one count "
        .. "pass its cache line around, so four workers finish fewer tasks per second than "
        .. "one. With an object no worker owns, all four take the shared path and it is "
        .. "slower still: biased counting speeds up the owner, not the object.",
    program = [[
# free-threaded build; each task takes and drops 20,000 references
regime free
cores 4
repeat 50
object cache owner=0     # made by worker 0: worker 0 owns its count
object table             # made by the main thread: no worker owns it
task touch cache 20000, cpu 200us
threads 1
run
threads 4
run
task touch table 20000, cpu 200us
run
]],
    steps = {
        {
            at = 9,
            ask = "Worker 0 made the cache and is the only worker. Of its 1,000,000 reference "
                .. "operations (50 tasks of 20,000), how many take the shared, atomic path?",
            choices = { "none", "about half", "all of them" },
            answer = 1,
            explain = "The owner's increments and decrements compare ob_tid with its own id and "
                .. "add to ob_ref_local, with no atomic instruction (ch03#brc-step-by-step).",
            model = function(run)
                local r = run_at(run, 9)
                if r.rc_shared == 0 then
                    return "none"
                elseif r.rc_shared >= r.tasks * TOUCHES then
                    return "all of them"
                end
                return "about half"
            end,
        },
        {
            at = 11,
            ask = "Four workers on four cores now run the same tasks; worker 0 still owns the "
                .. "cache. Which of these happen?",
            type = "multi",
            choices = {
                "worker 0's operations stay on the local count",
                "the other three workers' operations go through the shared count",
                "four workers finish more tasks per second than one did",
            },
            answer = { 1, 2 },
            explain = "Ownership is per thread, not per object: the three non-owners share one "
                .. "atomic count, and with three cores writing it its cache line moves between "
                .. "them on nearly every operation, so the run finishes fewer tasks per second "
                .. "than the single owner did.",
            model = function(run)
                local one, four = run_at(run, 9), run_at(run, 11)
                local ops = four.tasks * TOUCHES
                local did = {}
                -- worker 0 ran a quarter of the tasks: about a quarter of the operations
                -- stay local (the lab counts shared ones per burst, so not to the unit)
                if math.abs((ops - four.rc_shared) / ops - 0.25) < 0.01 then
                    did[#did + 1] = 1
                    did[#did + 1] = 2
                elseif four.rc_shared > 0 then
                    did[#did + 1] = 2
                end
                if four.throughput > one.throughput then
                    did[#did + 1] = 3
                end
                return did
            end,
        },
        {
            at = 13,
            ask = "The same four workers now use `table`, which no worker owns. Against the "
                .. "run where worker 0 owned the cache, they finish their tasks:",
            choices = { "faster", "about as fast", "slower" },
            answer = 3,
            explain = "Now worker 0 takes the shared path too: all four cores write one count. "
                .. "Biased counting makes one thread's operations cheap; it does nothing for "
                .. "an object every thread uses, which is why PEP 703 makes such objects "
                .. "immortal or defers their counting (ch03#deferred-and-immortal).",
            model = function(run)
                local owned, unowned = run_at(run, 11), run_at(run, 13)
                local ratio = unowned.throughput / owned.throughput
                if ratio > 1.1 then return 1 elseif ratio > 0.9 then return 2 end
                return 3
            end,
        },
    },
}
