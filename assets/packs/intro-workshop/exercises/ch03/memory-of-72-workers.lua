-- Estimate what forked workers really cost, page by page.  The memory model is
-- sim/cow.h (page-level copy-on-write over pymalloc pools); its defaults are in
-- `pydive gil --regime processes` and ch03#copy-on-write.

local function row(run, prefix)
    for _, r in ipairs(run.memory.rows) do
        if r.name:sub(1, #prefix) == prefix then
            return r
        end
    end
    error("no memory row " .. prefix)
end

local choices = {
    "fork; each worker reads every object once",
    "fork; one full GC in each worker",
    "gc.freeze() before fork; one full GC in each",
    "spawn/forkserver; each worker loads its own copy",
    "one process, 72 threads (default build)",
}
local prefixes = {
    "fork; each worker reads every object once",
    "fork; one full GC in each worker",
    "gc.freeze() before fork; one full GC in each",
    "spawn/forkserver",
    "one process, N threads (default build",
}

return {
    id = "memory-of-72-workers",
    title = "The memory of 72 workers",
    goal = "Estimate the memory of forked workers that share a model's heap, and what keeps it shared.",
    kind = "predict",
    model = "gil",
    difficulty = 4,
    competencies = { "concurrency-gil", "garbage-collection" },
    hints = {
        "Reading a Python object writes to it. What does a write do to a page shared after fork?",
        "Every read bumps the object's refcount, and a full collection writes the GC header of "
            .. "every tracked object, so shared pages get copied: see ch03#copy-on-write "
            .. "(and ch03#processes-cost-memory).",
        "One worker that reads everything doubles the heap; gc.freeze() keeps the collector "
            .. "away from the parent's objects; threads share one heap.",
    },
    solution = "Reading an object writes its refcount, so a worker that reads every object "
        .. "copies every page: parent + one worker is about 2 GiB, and 72 workers about "
        .. "73 GiB. A full GC in each worker copies the pages of tracked objects; calling "
        .. "gc.freeze() in the parent before fork moves them out of the collector's reach, "
        .. "so after a GC the heap stays shared (about 1 GiB). Spawned workers each load "
        .. "their own copy; 72 threads in one process share one heap (about 1 GiB).",
    program = [[
# a 1 GiB heap of Python objects (a loaded model), then forked workers
heap 1024MB
memory 1
memory 72
]],
    steps = {
        {
            at = 3,
            ask = "One forked worker reads every object of the 1 GiB heap once. Parent and "
                .. "worker together use about:",
            choices = { "1 GiB: fork shares every page", "2 GiB", "more than 10 GiB" },
            answer = 2,
            explain = "Each read writes a refcount, and a write to a shared page copies it: "
                .. "the worker ends up with its own copy of the whole heap (ch03#copy-on-write).",
            model = function(run)
                local mib = row(run, prefixes[1]).mib
                if mib < 1536 then return 1 elseif mib < 10240 then return 2 end
                return 3
            end,
        },
        {
            at = 4,
            ask = "Now 72 workers. Which of these stay near 1 GiB in total? (numbers, e.g. 1 3)",
            type = "multi",
            choices = choices,
            answer = { 3, 5 },
            explain = "Reads and spawn cost a copy per worker (about 73 GiB); a full GC "
                .. "copies the pages of tracked objects (about 30 GiB) unless gc.freeze() ran "
                .. "before fork; threads share one heap (ch03#copy-on-write).",
            model = function(run)
                local picks = {}
                for i, p in ipairs(prefixes) do
                    if row(run, p).mib < 2048 then
                        picks[#picks + 1] = i
                    end
                end
                return picks
            end,
        },
    },
}
