local parts = nil
return {
    id = "runtime",
    title = "Indexes nil while building the table",
    goal = parts.goal,
}
