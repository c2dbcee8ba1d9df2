-- Predict, then observe: what does the collector find?
return {
    id = "cycle-predict",
    title = "Two nodes that hold each other",
    goal = "Predict what reference counting frees and what the cycle collector must find.",
    kind = "predict",
    difficulty = 2,
    competencies = { "refcounting", "cyclic-gc" },
    hints = {
        "Count the references to each node just after `del a, b`.",
        "A cycle keeps every count above zero: see ch02#cycles.",
        "Neither node is freed by `del`; gc.collect() finds both.",
    },
    solution = "del frees nothing (each node is still referenced by the other); "
        .. "gc.collect() returns 2.",
    program = [[
class Node:
    pass

a = Node()
b = Node()
a.other = b
b.other = a
del a, b
import gc
found = gc.collect()
]],
    steps = {
        {
            at = 8,
            ask = "What is the reference count of the second node just before `del a, b`?",
            type = "number",
            answer = 2,
            explain = "One reference from the name `b`, one from `a.other`.",
        },
        {
            at = 9,
            ask = "After `del a, b`, which nodes are still in memory?",
            choices = { "neither", "only the first", "both" },
            answer = 3,
            explain = "Each node still holds the other, so neither count reached zero.",
        },
        {
            at = 10,
            ask = "Which of these will gc.collect() do?",
            type = "multi",
            choices = { "find the cycle", "free both nodes", "raise an error" },
            answer = { 1, 2 },
            explain = "The collector sees that only the cycle references the nodes.",
        },
    },
}
