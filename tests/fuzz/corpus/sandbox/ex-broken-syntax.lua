return {
    id = "syntax",
    title = "A missing comma"
    goal = "Never loads.",
}
