-- Fix it: a document and its pages hold each other; leave nothing for the collector.
-- Checked against CPython 3.11.7: the starter prints "closing report" only when the
-- collector runs (gc.collect() finds 5 objects); with a weak back-link, `del doc`
-- frees everything at once and gc.collect() finds 0.
return {
    id = "break-the-cycle",
    title = "Break the parent-child cycle",
    goal = "After `del doc` nothing is left for the cycle collector: the document's __del__ "
        .. "runs at once, and each page can still reach its document.",
    kind = "fix",
    view = "graph", -- the view the program opens on
    difficulty = 3,
    competencies = { "garbage-collection" },
    hints = {
        "After `del doc`, which references still point at the Parent? Follow the arrows from "
            .. "each Child.",
        "Reference counting cannot free objects that refer to each other; only the collector "
            .. "finds them, later: see ch02#cycles. A weak reference does not count "
            .. "(ch02#weak-references).",
        "Keep the strong link from parent to children, and make the child's link weak: "
            .. "`child.parent = weakref.ref(self)`; follow it by calling it: `parent()`.",
    },
    solution = [[
import weakref


class Parent:
    def __init__(self, name):
        self.name = name
        self.children = []

    def add(self, child):
        self.children.append(child)
        child.parent = weakref.ref(self)

    def __del__(self):
        print("closing", self.name)


class Child:
    def __init__(self, name):
        self.name = name
        self.parent = None


doc = Parent("report")
for i in range(3):
    doc.add(Child("page %d" % (i + 1)))
print(doc.children[0].name, "belongs to", doc.children[0].parent().name)
del doc
print("deleted")
]],
    starter = [[
class Parent:
    def __init__(self, name):
        self.name = name
        self.children = []

    def add(self, child):
        self.children.append(child)
        child.parent = self

    def __del__(self):
        print("closing", self.name)


class Child:
    def __init__(self, name):
        self.name = name
        self.parent = None


doc = Parent("report")
for i in range(3):
    doc.add(Child("page %d" % (i + 1)))
print(doc.children[0].name, "belongs to", doc.children[0].parent.name)
del doc
print("deleted")
]],
    check = function(run)
        if run.exit ~= 0 then
            return false, "the program stopped with an error: " .. (run.error or "?")
        end
        local closing, deleted, linked
        for i, line in ipairs(run.stdout) do
            if line == "closing report" and not closing then closing = i end
            if line == "deleted" and not deleted then deleted = i end
            if line == "page 1 belongs to report" then linked = true end
        end
        if not linked then
            return false, "a page must still reach its document: print "
                .. "'page 1 belongs to report' through the child's link, as the starter does"
        end
        local n, kinds = run.cycles()
        if n > 0 then
            local parts = {}
            for name, count in pairs(kinds) do
                parts[#parts + 1] = count .. " " .. name
            end
            table.sort(parts)
            return false, ("after the program, the collector would still have to find %d "
                .. "objects in a cycle (%s)"):format(n, table.concat(parts, ", "))
        end
        -- A page reaches the document object itself, not a copy of its name: without a
        -- cycle that link can only be a weak reference (CPython shares one plain
        -- weakref.ref to an object among its holders, so one is enough).  Every class
        -- is weakly referenced already, from its base's list of subclasses
        -- (type.__subclasses__): Parent and Child make two.
        if run.peak_live("ReferenceType", "weakref", "ProxyType", "weakproxy") < 3 then
            return false, "each page must still reach its document object, not a copy of its "
                .. "name (a page that keeps only the name cannot call the document); a weak "
                .. "reference links them without a cycle"
        end
        local _, _, full = run.collections()
        if full > 0 then
            return false, "no gc.collect(): reference counting alone must free the document"
        end
        if not closing or not deleted or closing > deleted then
            return false, "the document's __del__ must run at `del doc`: 'closing report' "
                .. "should come before 'deleted'"
        end
        return true, "`del doc` freed the document and its pages at once; nothing is left "
            .. "for the collector"
    end,
}
