-- Fix it: long-lived keepers made among temporaries pin every arena.
-- Checked against CPython 3.11.7 (python3 -S -s, sys._debugmallocstats()): the starter
-- ends 27 arenas above the start after `temp = None`; with the keepers made first, 3.
return {
    id = "keepers-first",
    title = "Separate the lifetimes",
    goal = "The program keeps its 40,000 keepers, and once the temporaries are gone pymalloc "
        .. "holds at most 5 arenas more than at the start.",
    kind = "fix",
    view = "arena", -- the view the program opens on
    difficulty = 3,
    competencies = { "memory-architecture" },
    hints = {
        "When the temporaries are freed, which arenas still hold a keeper?",
        "Objects made in the same loop end up side by side in the same arenas; make the "
            .. "long-lived ones in a phase of their own: see ch01#separate-lifetimes.",
        "Fill `keep` in a first loop, then build `temp` in a second one: the same objects, "
            .. "in a different order.",
    },
    solution = [[
keep = []
for i in range(40000):
    keep.append(bytes(8))
temp = []
for i in range(40000):
    temp.append(bytes(150))
    temp.append(bytes(400))
print(len(keep), "keepers,", len(temp), "temporaries")
temp = None
print(len(keep), "keepers left")
]],
    starter = [[
keep = []
temp = []
for i in range(40000):
    keep.append(bytes(8))
    temp.append(bytes(150))
    temp.append(bytes(400))
print(len(keep), "keepers,", len(temp), "temporaries")
temp = None
print(len(keep), "keepers left")
]],
    check = function(run)
        if run.exit ~= 0 then
            return false, "the program stopped with an error: " .. (run.error or "?")
        end
        local built, left = false, false
        for _, line in ipairs(run.stdout) do
            if line == "40000 keepers, 80000 temporaries" then built = true end
            if line == "40000 keepers left" then left = true end
        end
        if not built then
            return false, "make the same objects as the starter: it must print "
                .. "'40000 keepers, 80000 temporaries'"
        end
        if not left or not run.global("keep") or run.len("keep") ~= 40000 then
            return false, "the 40,000 keepers must stay alive in `keep` to the end, and "
                .. "'40000 keepers left' must be printed"
        end
        if run.arenas_peak() - run.arenas_at_start() < 20 then
            return false, "make the temporaries as the starter does: 80,000 objects of 150 "
                .. "and 400 bytes (over 20 arenas at their peak), then drop them"
        end
        if run.global("temp") and run.type("temp") ~= "NoneType" then
            return false, "drop the temporaries before the end: `temp = None`"
        end
        local extra = run.arenas() - run.arenas_at_start()
        if extra > 5 then
            return false, ("with the temporaries gone pymalloc still holds %d arenas more than "
                .. "at the start; at most 5 should stay"):format(extra)
        end
        return true, ("the keepers fill arenas of their own: %d arena(s) above the start")
            :format(extra)
    end,
}
