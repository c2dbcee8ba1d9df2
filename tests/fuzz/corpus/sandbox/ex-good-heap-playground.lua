-- Sandbox: a free playground with every view.
return {
    id = "heap-playground",
    title = "Playground: the heap",
    goal = "Try anything; watch arenas, pools and reference counts change.",
    kind = "sandbox",
    difficulty = 1,
    competencies = { "memory-layout" },
    program = [[
numbers = [n * n for n in range(10)]
]],
}
