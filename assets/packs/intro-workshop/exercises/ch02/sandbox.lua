-- Sandbox: a playground for references and the cycle collector.
return {
    id = "sandbox",
    title = "Playground: references and the collector",
    goal = "Try anything: make references, cycles and weak references, and watch counts, "
        .. "generations and the collector.",
    kind = "sandbox",
    view = "graph", -- the view the program opens on
    difficulty = 1,
    competencies = { "garbage-collection" },
    program = [[
import gc
import sys


class Node:
    def __init__(self, name):
        self.name = name
        self.other = None


a = Node("a")
b = Node("b")
a.other = b
b.other = a
print("references to a:", sys.getrefcount(a) - 1)
del a, b
print("the collector found", gc.collect(), "objects")
]],
}
