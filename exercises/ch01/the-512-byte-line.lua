-- Predict, then observe: one byte decides which allocator an object belongs to.
-- Figures checked against CPython 3.11.7 (python3 -S -s, sys._debugmallocstats()):
-- line 2 prints "512 513"; 20,000 bytes(480) add no arena, 20,000 bytes(479) add 10,
-- and freeing the bytes(480) objects gives no arena back.
return {
    id = "the-512-byte-line",
    title = "The 512-byte line",
    goal = "Predict which of two nearly equal sizes pymalloc serves, and what that does to "
        .. "the arena count.",
    kind = "predict",
    view = "arena", -- the view the program opens on
    difficulty = 2,
    competencies = { "memory-architecture" },
    hints = {
        "How many bytes does a `bytes` object of length k ask for, and where is pymalloc's "
            .. "upper limit?",
        "pymalloc serves requests of 1 to 512 bytes; anything larger goes to the C library's "
            .. "malloc and never touches an arena: see ch01#large-objects (and "
            .. "ch01#size-classes for the k + 33 rule).",
        "`bytes(479)` asks for 512 bytes and lands in pymalloc's largest size class; "
            .. "`bytes(480)` asks for 513 and goes to malloc, so only the first list grows "
            .. "the arenas.",
    },
    solution = "Line 2 prints `512 513`: a bytes object of length k asks for k + 33 bytes. "
        .. "The 20,000 `bytes(480)` objects (513 bytes each) come from malloc and add no "
        .. "arena. The 20,000 `bytes(479)` objects (512 bytes, 31 to a 16 KiB pool) add about "
        .. "ten arenas (10 on CPython 3.11). Freeing the malloc'd objects gives no arena back, "
        .. "because they never had one.",
    program = [[
import sys
print(sys.getsizeof(bytes(479)), sys.getsizeof(bytes(480)))
edge = [bytes(480) for i in range(20000)]
under = [bytes(479) for i in range(20000)]
edge = None
under = None
print("done")
]],
    steps = {
        {
            at = 2,
            ask = "What does this line print?",
            choices = { "512 512", "512 513", "511 512", "479 480" },
            answer = 2,
            explain = "A bytes object of length k reports k + 33 bytes on a 64-bit build: "
                .. "32 bytes of header and size, plus a trailing NUL byte (ch01#size-classes).",
            model = function(run)
                return run.stdout[1]
            end,
        },
        {
            at = 3,
            ask = "This line makes 20,000 `bytes(480)` objects of 513 bytes each. How many new "
                .. "arenas does pymalloc map for them?",
            choices = { "none", "about 10", "about 20" },
            answer = 1,
            explain = "513 bytes is over pymalloc's 512-byte limit, so every one of them is a "
                .. "request to the C library's malloc; the arena count does not move "
                .. "(ch01#large-objects).",
            model = function(run)
                local added = run.arenas_at(4) - run.arenas_at(3)
                if added <= 1 then
                    return "none"
                elseif added <= 15 then
                    return "about 10"
                end
                return "about 20"
            end,
        },
        {
            at = 4,
            ask = "And 20,000 `bytes(479)` objects, one byte shorter, 512 bytes each?",
            choices = { "none", "about 10", "about 20" },
            answer = 2,
            explain = "512 bytes is the largest size class: a 16 KiB pool holds 31 such blocks, "
                .. "so 20,000 objects need about 645 pools, ten arenas of 64 pools. CPython "
                .. "3.11 maps 10 new arenas here (ch01#arenas).",
            model = function(run)
                local added = run.arenas_at(5) - run.arenas_at(4)
                if added <= 1 then
                    return "none"
                elseif added <= 15 then
                    return "about 10"
                end
                return "about 20"
            end,
        },
        {
            at = 5,
            ask = "`edge = None` frees the 20,000 `bytes(480)` objects. How many arenas go back "
                .. "to the operating system?",
            type = "number",
            answer = 0,
            explain = "Those objects never lived in an arena: their memory goes back to malloc, "
                .. "and the arena count stays where the `bytes(479)` list put it.",
            model = function(run)
                return run.arenas_at(5) - run.arenas_at(6)
            end,
        },
    },
}
