-- See contention: on the free-threaded build, many threads writing one object's
-- shared reference count fight over its cache line.  Costs are the scheduler's
-- (brc_shared_ns, line_transfer_ns: estimates, listed by pydive gil --params).

local function run_at(run, line)
    for _, r in ipairs(run.runs) do
        if r.line == line then
            return r
        end
    end
    error("no run on line " .. line)
end

return {
    id = "contention-on-a-shared-object",
    title = "Eight threads, one shared dict",
    goal = "Predict what reference-count contention on one shared object does to free-threaded scaling, and what immortality changes.",
    kind = "predict",
    model = "gil",
    difficulty = 4,
    competencies = { "concurrency-gil" },
    hints = {
        "Using an object from a thread writes its reference count. Whose count, and on which path?",
        "Biased reference counting gives the owner thread a fast local count; every other "
            .. "thread uses the shared, atomic one, and many cores writing it pass its cache "
            .. "line around: see ch03#biased-refcounting (and ch03#deferred-and-immortal).",
        "Eight threads hammering one count get less done than one thread; an immortal object's "
            .. "count is never written.",
    },
    solution = "The dict was made by the main thread, so no worker owns it: every reference "
        .. "the workers take goes through the shared atomic count, and with eight cores "
        .. "writing it the cache line moves on every operation. Eight threads then finish "
        .. "fewer tasks than one. An immortal object (None, small ints, interned strings) "
        .. "has a count nobody writes, so the same work scales to about 7x.",
    program = [[
# free-threaded build, 8 cores; every task reads a shared dict 20,000 times
regime free
cores 8
object config            # made by the main thread: no worker owns it
object none immortal     # like None: its count is never written
task touch config 20000, cpu 200us
threads 1
run
threads 8
run
task touch none 20000, cpu 200us
run
]],
    steps = {
        {
            at = 10,
            ask = "One thread finished its tasks at some rate. Eight threads on eight cores run "
                .. "the same tasks. Their tasks per second, against one thread's?",
            choices = { "about 8 times as many", "about 4 times as many",
                        "fewer than one thread's" },
            answer = 3,
            explain = "All eight write the same shared count: the line moves between cores on "
                .. "every operation and the lanes fill with 'stalled on a shared refcount' "
                .. "(ch03#biased-refcounting).",
            model = function(run)
                local ratio = run_at(run, 10).throughput / run_at(run, 8).throughput
                if ratio > 6 then return 1 elseif ratio > 2 then return 2 end
                return 3
            end,
        },
        {
            at = 12,
            ask = "The same eight threads read an immortal object instead. Speed-up against "
                .. "one thread of the default build?",
            choices = { "below 1x", "about 4x", "about 7x" },
            answer = 3,
            explain = "An immortal object's reference count is never written (PEP 683), so "
                .. "there is nothing to contend for; only the build's overhead remains "
                .. "(ch03#deferred-and-immortal).",
            model = function(run)
                local s = run_at(run, 12).speedup
                if s < 1 then return 1 elseif s < 5.5 then return 2 end
                return 3
            end,
        },
    },
}
