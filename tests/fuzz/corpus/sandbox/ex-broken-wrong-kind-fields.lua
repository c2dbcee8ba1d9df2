return {
    id = "wrong-kind-fields",
    title = "A fix exercise with predict fields",
    goal = "Shows which fields belong to which kind.",
    kind = "fix",
    difficulty = 3,
    competencies = { "cyclic-gc" },
    hints = { "Nudge.", "See ch02#cycles.", "Part of it." },
    solution = "x = 1\n",
    program = "x = 1\n",
    steps = {},
    check = "not a function",
}
