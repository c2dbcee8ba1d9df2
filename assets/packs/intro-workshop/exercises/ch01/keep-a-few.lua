-- Fix it: a small sample of a big list must not keep the big list's arenas.
-- Checked against CPython 3.11.7 (python3 -S -s, sys._debugmallocstats()): the starter
-- ends 10 arenas above the start; copying the sample into fresh objects before
-- `del records` ends 2 above it.
return {
    id = "keep-a-few",
    title = "Keep a few, free the rest",
    goal = "The program keeps its 1,000 sampled records, and after `del records` pymalloc "
        .. "holds at most 3 arenas more than at the start.",
    kind = "fix",
    view = "arena", -- the view the program opens on
    difficulty = 3,
    competencies = { "memory-architecture" },
    hints = {
        "`records[::100]` makes a new list, but which objects does it hold, and where do "
            .. "they live?",
        "One live block keeps its pool, and one pool in use keeps its arena: the sampled "
            .. "objects are spread over every pool of the big list. See ch01#live-vs-held and "
            .. "ch01#why-memory-stays.",
        "Keep copies instead of the originals: `bytes(bytearray(r))` makes a new object, "
            .. "and copies made after the big list fill fresh pools of their own.",
    },
    solution = [=[
records = [bytes(50) for i in range(100000)]
sample = [bytes(bytearray(r)) for r in records[::100]]
del records
total = 0
for s in sample:
    total += len(s)
print("kept", total, "bytes of samples")
]=],
    starter = [[
records = [bytes(50) for i in range(100000)]
sample = records[::100]
del records
total = 0
for s in sample:
    total += len(s)
print("kept", total, "bytes of samples")
]],
    check = function(run)
        if run.exit ~= 0 then
            return false, "the program stopped with an error: " .. (run.error or "?")
        end
        local kept = false
        for _, line in ipairs(run.stdout) do
            if line == "kept 50000 bytes of samples" then kept = true end
        end
        if not kept then
            return false, "the program must still keep its 1,000 samples of 50 bytes: print "
                .. "'kept 50000 bytes of samples' as the starter does"
        end
        if not run.global("sample") or run.type("sample") ~= "list" or run.len("sample") ~= 1000 then
            return false, "the 1,000 sampled records must stay alive to the end, in the list "
                .. "`sample`"
        end
        if run.arenas_peak() - run.arenas_at_start() < 8 then
            return false, "make the big list as the starter does: 100,000 records of 50 bytes "
                .. "(about 9 arenas), then keep a sample of it"
        end
        if run.global("records") then
            return false, "drop the big list once the sample is taken: keep `del records`"
        end
        local extra = run.arenas() - run.arenas_at_start()
        if extra > 3 then
            return false, ("after `del records` pymalloc still holds %d arenas more than at "
                .. "the start; at most 3 should stay"):format(extra)
        end
        return true, ("the sample lives in pools of its own: %d arena(s) above the start")
            :format(extra)
    end,
}
