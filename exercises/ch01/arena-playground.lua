-- Sandbox: a playground for arenas, pools and size classes.
return {
    id = "arena-playground",
    title = "Playground: arenas and pools",
    goal = "Try anything: make and free small and large objects, and watch the arena map and "
        .. "the memory chart.",
    kind = "sandbox",
    view = "arena", -- the view the program opens on
    difficulty = 1,
    competencies = { "memory-architecture" },
    program = [[
import sys

# Watch the arena map: which pools fill, and which arenas empty again?
# Watch the memory chart: what does each phase add, and what does it give back?
small = [bytes(50) for i in range(50000)]    # 83 bytes each: 96-byte blocks
large = [bytes(600) for i in range(5000)]    # 633 bytes each: over 512, from malloc
keep = small[::100]                          # a few survivors in every pool
small = None
large = None
print(len(keep), "survivors;", sys.getsizeof(keep[0]), "bytes each")
# Try: keep = None, or change the sizes around 479 and 480.
]],
}
