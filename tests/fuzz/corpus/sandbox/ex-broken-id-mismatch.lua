return {
    id = "some-other-name",
    title = "The id is not the file name",
    goal = "Shows the id rule.",
    kind = "sandbox",
    difficulty = 1,
    competencies = { "memory-layout" },
}
