-- Predict, then observe: a few survivors keep every arena mapped.
-- Arena counts move by one with the start-up state, so each figure names where it
-- comes from.  The model (3.11 profile, whose start-up heap is 3.11.7's as `python3.11
-- FILE.py` has it): building adds 10 arenas, `del data` gives back none, dropping the
-- survivors gives back 9.  Real CPython, the program with sys._debugmallocstats() after
-- each step, run as learners run it (env -i PYTHONHASHSEED=0 setarch x86_64 -R
-- pythonX.Y FILE.py, December 2026): 3.11.7 adds 9 and gives back 8 from one folder,
-- adds 10 and gives back 9 when the path to the file is longer (the path is a start-up
-- object) or with -S -s; 3.12.1 and 3.13.0 add 9 and give back 8.  In every case
-- `del data` gives back none and one emptied arena stays as the reserve.
return {
    id = "survivors-hold-arenas",
    title = "Survivors hold their arenas",
    goal = "Predict how many arenas a big list of small objects maps, and how many come back "
        .. "when all but one in a hundred are freed.",
    kind = "predict",
    view = "arena", -- the view the program opens on
    difficulty = 2,
    competencies = { "memory-architecture" },
    hints = {
        "Where do the 1,000 survivors live, and what does one live block do to its pool?",
        "An arena goes back to the operating system only when every one of its pools is "
            .. "empty: see ch01#why-memory-stays (and ch01#arenas for the reserve arena).",
        "One survivor in a hundred leaves a live block in every pool, so `del data` gives no "
            .. "arena back; only when the survivors go do the arenas empty, all but one.",
    },
    solution = "Building the list maps about ten arenas (10 in the model; 9 or 10 on "
        .. "CPython 3.11 to 3.13, depending on the room start-up left). `del data` frees "
        .. "99,000 objects but gives back no arena: the 1,000 survivors sit in every pool. "
        .. "Dropping the survivors empties the arenas: all but one go back (9 in the model) "
        .. "and 1 stays as the reserve arena (CPython 3.9 and later keep one empty arena).",
    program = [[
data = [bytes(50) for i in range(100000)]
survivors = data[::100]
del data
print(len(survivors), "objects survive")
survivors = None
print("done")
]],
    steps = {
        {
            at = 1,
            ask = "This line makes 100,000 `bytes(50)` objects of 83 bytes each, every one "
                .. "in a 96-byte pymalloc block. How many new 1 MiB arenas will pymalloc "
                .. "map for them?",
            choices = { "none: the arenas mapped at startup have room", "about 10", "about 100" },
            answer = 2,
            explain = "100,000 blocks of 96 bytes are about 9.6 MB: with a 16 KiB pool holding "
                .. "170 such blocks, that is about 590 pools, and an arena holds 64 pools. "
                .. "The model maps 10 new arenas here; CPython 3.11 to 3.13 map 9 or 10, "
                .. "as the room left by start-up varies (ch01#arenas).",
            model = function(run)
                local added = run.arenas_at(2) - run.arenas_at(1)
                if added <= 1 then
                    return 1
                elseif added <= 30 then
                    return 2
                end
                return 3
            end,
        },
        {
            at = 3,
            ask = "`del data` drops the list: 99,000 objects are freed, and the 1,000 in "
                .. "`survivors` (one in every hundred) stay. How many arenas go back to the "
                .. "operating system?",
            choices = { "none", "about one in a hundred", "about half", "all but one" },
            answer = 1,
            explain = "Every pool of 170 blocks still holds one or two survivors, so no pool "
                .. "is empty and no arena can be released: live data fell a hundredfold, the "
                .. "memory held did not move (ch01#why-memory-stays).",
            model = function(run)
                local before, after = run.arenas_at(3), run.arenas_at(5)
                local given = before - after
                local built = before - run.arenas_at_start()
                if given <= 0 then
                    return "none"
                elseif given >= built - 1 then
                    return "all but one"
                elseif 2 * given >= built then
                    return "about half"
                end
                return "about one in a hundred"
            end,
        },
        {
            at = 5,
            ask = "`survivors = None` frees the last 1,000 objects. Of the arenas that "
                .. "building the list added, how many does pymalloc give back now?",
            type = "number",
            answer = 9,
            explain = "Every pool empties, so every arena of the list empties; pymalloc "
                .. "unmaps all but one (9 in the model, 8 or 9 on CPython), which it keeps as the reserve arena so that a program "
                .. "that needs one more arena again does not map and unmap it each time "
                .. "(ch01#arenas).",
            model = function(run)
                return run.arenas_at(5) - run.arenas()
            end,
        },
    },
}
