return {
    id = "Bad_Values",
    title = "",
    goal = 42,
    kind = "quiz",
    difficulty = 7,
    competencies = "gc",
    titel = "typo",
}
