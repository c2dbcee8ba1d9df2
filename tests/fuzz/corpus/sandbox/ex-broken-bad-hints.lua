return {
    id = "bad-hints",
    title = "Hints that do not follow the ladder",
    goal = "Shows the hint rules.",
    kind = "sandbox",
    difficulty = 1.5,
    competencies = { "memory-layout", "Memory Layout" },
    hints = {
        "A nudge.",
        "The concept, but no link to the lesson.",
    },
}
