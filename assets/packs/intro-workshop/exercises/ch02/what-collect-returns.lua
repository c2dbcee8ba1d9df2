-- Predict, then observe: what gc.collect() counts.
-- Checked against CPython 3.11.7 (python3 -S -s): prints "0 10 2".
return {
    id = "what-collect-returns",
    title = "What does gc.collect() return?",
    goal = "Predict the number gc.collect() returns after plain containers, self-loops and a "
        .. "two-node cycle.",
    kind = "predict",
    view = "gc", -- the view the program opens on
    difficulty = 2,
    competencies = { "garbage-collection" },
    hints = {
        "Which of these objects could reference counting free on its own, at `del`?",
        "gc.collect() returns the unreachable objects it found, and only cycles are left "
            .. "for it to find: see ch02#how-cycles-are-found (and ch02#cycles).",
        "The plain lists are gone at `del plain`, so the first call finds 0; each self-loop "
            .. "is one object, and two instances without a `__dict__` yet are two.",
    },
    solution = "0, 10 and 2. `del plain` frees the hundred lists by reference counting, so "
        .. "there is nothing to find. Each of the ten self-referencing lists is one "
        .. "unreachable object. The two Nodes form one cycle of two objects: on 3.11 their "
        .. "attributes live in the instances' inline values, not in separate dicts.",
    program = [[
import gc
gc.collect()
plain = [[i] for i in range(100)]
del plain
first = gc.collect()
for i in range(10):
    x = []
    x.append(x)
del x
second = gc.collect()


class Node:
    pass


a = Node()
b = Node()
a.other = b
b.other = a
del a, b
third = gc.collect()
print(first, second, third)
]],
    steps = {
        {
            at = 5,
            ask = "`del plain` has dropped a list of 100 small lists. What does this "
                .. "gc.collect() return?",
            type = "number",
            answer = 0,
            explain = "No list referred to itself or to another list that referred back, so "
                .. "`del plain` freed all 101 lists at once; the collector finds nothing "
                .. "(ch02#freeing-cascades).",
            model = function(run)
                return run.value("first")
            end,
        },
        {
            at = 10,
            ask = "Ten lists each contain themselves and have lost their names. What does "
                .. "this gc.collect() return?",
            type = "number",
            answer = 10,
            explain = "Each list holds one reference to itself, so its count never reaches "
                .. "zero; the collector finds each one unreachable: ten objects.",
            model = function(run)
                return run.value("second")
            end,
        },
        {
            at = 22,
            ask = "Two Node instances refer to each other and have lost their names. What "
                .. "does this gc.collect() return on CPython 3.11?",
            choices = { "0", "2", "4" },
            answer = 2,
            explain = "The cycle is two tracked objects. Since 3.11 an instance keeps its "
                .. "attributes in inline values and gets no dict object until something asks "
                .. "for `__dict__`, so there are no dicts to count.",
            model = function(run)
                return tostring(run.value("third"))
            end,
        },
    },
}
