-- Predict, then observe: reference counting frees at once, no collector needed.
-- Checked against CPython 3.11.7 (python3 -S -s): prints "after del r", "closing log",
-- "after alias = None", in that order.
return {
    id = "when-del-runs",
    title = "When does __del__ run?",
    goal = "Predict what `del` does to an object with two names, and when its finalizer runs.",
    kind = "predict",
    view = "graph", -- the view the program opens on
    difficulty = 1,
    competencies = { "garbage-collection" },
    hints = {
        "Count the names that refer to the Resource before and after each line.",
        "`del` removes a name and drops one reference; an object is freed, and its "
            .. "`__del__` runs, the moment its count reaches zero: see ch02#del-removes-a-name "
            .. "(and ch02#counting-references).",
        "`del r` leaves `alias`, so nothing is freed; `alias = None` drops the last "
            .. "reference and `__del__` runs on that very line.",
    },
    solution = "After `alias = r` the count is 2. `del r` only removes the name: the object "
        .. "lives on through `alias`. `alias = None` drops the last reference, so `__del__` "
        .. "prints 'closing log' at once, before 'after alias = None'; no collector runs.",
    program = [[
class Resource:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("closing", self.name)


r = Resource("log")
alias = r
del r
print("after del r")
alias = None
print("after alias = None")
]],
    steps = {
        {
            at = 10,
            ask = "Once `alias = r` has run, what is the reference count of the Resource "
                .. "(without getrefcount's own reference)?",
            type = "number",
            answer = 2,
            explain = "One reference from the name `r`, one from the name `alias`.",
            model = function(run)
                return run.refcount("r")
            end,
        },
        {
            at = 11,
            ask = "What does `del r` do?",
            choices = {
                "runs __del__ and frees the object",
                "removes the name r; the object lives on",
                "leaves the object for the next gc.collect()",
            },
            answer = 2,
            explain = "`del` removes a name, not an object. The count falls from 2 to 1, and "
                .. "`alias` still refers to the Resource (ch02#del-removes-a-name).",
            model = function(run)
                for _, line in ipairs(run.stdout) do
                    if line == "closing log" then
                        return 1
                    end
                end
                if run.live("Resource") == 1 and run.refcount("alias") == 1 then
                    return 2
                end
                return 3
            end,
        },
        {
            at = 13,
            ask = "`alias = None` drops the last reference. When does 'closing log' print?",
            choices = {
                "at once, before 'after alias = None'",
                "when the cycle collector next runs",
                "when the interpreter shuts down",
            },
            answer = 1,
            explain = "The count reaches zero on that line, so CPython runs `__del__` and frees "
                .. "the object right there; the collector is only for cycles "
                .. "(ch02#freeing-cascades).",
            model = function(run)
                local closing, after
                for i, line in ipairs(run.stdout) do
                    if line == "closing log" and not closing then closing = i end
                    if line == "after alias = None" and not after then after = i end
                end
                if closing and after and closing < after then
                    local _, _, full = run.collections()
                    if full == 0 then
                        return 1
                    end
                    return 2
                elseif closing then
                    return 2
                end
                return 3
            end,
        },
    },
}
