-- Fix it: leave nothing for the cycle collector.
return {
    id = "cycle-fix",
    title = "Break the parent-child cycle",
    goal = "After the program ends, no cycle is left for the collector to find.",
    kind = "fix",
    difficulty = 3,
    competencies = { "cyclic-gc", "weak-references" },
    hints = {
        "Which of the two links does the child really need to own?",
        "A weak reference does not add to the count: see ch02#cycles.",
        "Store the parent in the child as weakref.ref(parent).",
    },
    solution = [[
import weakref

class Node:
    def __init__(self, parent=None):
        self.children = []
        self.parent = weakref.ref(parent) if parent else None

root = Node()
root.children.append(Node(root))
del root
]],
    starter = [[
class Node:
    def __init__(self, parent=None):
        self.children = []
        self.parent = parent

root = Node()
root.children.append(Node(root))
del root
]],
    -- Called after each run of the learner's program (sim bindings to come).
    check = function(run)
        local left = run.gc_collect()
        if left == 0 then
            return true
        end
        return false, ("the collector still found %d objects in a cycle"):format(left)
    end,
}
