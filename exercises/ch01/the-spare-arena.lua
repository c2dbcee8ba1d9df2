-- Predict, then observe: the one empty arena pymalloc keeps (3.9 and later).
-- Checked against CPython 3.11.7 run as learners run it (python3.11 FILE.py with
-- sys._debugmallocstats() after each step, env -i, ASLR off, December 2026): each
-- round maps up to 3 arenas above the start, tmp = None leaves 1 above the start, and
-- "arenas allocated total" grows by 3, then 2, then 2; the model's 3.11 profile prints
-- the same.  3.13.0 does the same; 3.12.1, whose start-up heap has more free room,
-- needs one arena less each round.
return {
    id = "the-spare-arena",
    title = "The spare arena",
    goal = "Predict how many arenas a loop of temporary lists maps, keeps and maps again.",
    kind = "predict",
    view = "arena", -- the view the program opens on
    difficulty = 2,
    competencies = { "memory-architecture" },
    hints = {
        "Where do a freed list's 20,000 blocks go, and what happens to an arena whose pools "
            .. "are all empty?",
        "An empty arena is unmapped, except one that pymalloc keeps in reserve from 3.9 on: "
            .. "see ch01#arenas.",
        "Three arenas are mapped, two go back, one stays; the next round reuses it and maps "
            .. "two more.",
    },
    solution = "The first round maps 3 new arenas (20,000 blocks of 144 bytes, about 2.9 MB). "
        .. "Freeing the list empties them; pymalloc unmaps two and keeps one as the spare, so "
        .. "1 arena stays above the start. Each later round reuses the spare and maps 2 more, "
        .. "which go back again at the end of the round.",
    program = [[
rnd = 0
while rnd < 3:
    tmp = [bytes(100) for i in range(20000)]
    tmp = None
    rnd = rnd + 1
print("done")
]],
    steps = {
        {
            at = 3,
            ask = "The first round makes 20,000 `bytes(100)` objects: 133 bytes each, in "
                .. "144-byte blocks, about 2.9 MB. How many new 1 MiB arenas does pymalloc "
                .. "map for them?",
            type = "number",
            answer = 3,
            explain = "A 16 KiB pool holds 113 blocks of 144 bytes, so 20,000 need 177 pools; "
                .. "an arena has 64 pools, and the arenas start-up left have little room, so "
                .. "3 new ones are mapped (ch01#three-layers).",
            model = function(run)
                return run.arenas_at(4) - run.arenas_at(3)
            end,
        },
        {
            at = 4,
            ask = "`tmp = None` frees all 20,000 objects and every pool of those arenas "
                .. "empties. How many arenas are still mapped above the start afterwards?",
            type = "number",
            answer = 1,
            explain = "Wholly empty arenas go back to the operating system, except one: since "
                .. "3.9 pymalloc keeps a single empty arena in reserve, so that a program that "
                .. "needs one more arena again does not map and unmap it each time (ch01#arenas).",
            model = function(run)
                return run.arenas_at(5) - run.arenas_at_start()
            end,
        },
        {
            at = 5,
            ask = "Rounds two and three need the same three arenas' worth of blocks. How many "
                .. "arenas does each of those rounds map anew?",
            type = "number",
            answer = 2,
            explain = "The round takes the spare arena first and maps only the other two; at "
                .. "its end those two go back and one is kept again. The reserve saves one "
                .. "mapping per round, not all of them (ch01#arenas).",
            model = function(run)
                -- the last round: arenas just before `tmp = None`, against its start
                return run.arenas_at(4) - run.arenas_at(3)
            end,
        },
    },
}
