-- Predict: count the bookkeeping a hand-written C-API wrapper needs, then pick
-- the binding tool that writes it for you.  The first answer comes from the
-- C-API lab's run; the second applies the rules of ch04#choosing to the
-- workload described in the question (it is a judgement, not a measurement).

-- Lines the lab ran that only manage references: Py_INCREF / Py_DECREF / Py_X...
local function refcount_lines(run)
    local n = 0
    for _, line in ipairs(run.stdout) do
        if line:match("^Py_X?INCREF%(") or line:match("^Py_X?DECREF%(") then
            n = n + 1
        end
    end
    return n
end

return {
    id = "which-binding",
    title = "Who should write the bookkeeping?",
    goal = "Count the reference bookkeeping of a hand-written wrapper, then choose a binding for a large C++ library.",
    kind = "predict",
    model = "capi",
    difficulty = 3,
    competencies = { "bindings-capi" },
    hints = {
        "Walk the wrapper line by line: which calls give you a reference you must give up again?",
        "Hand-written C owns every reference itself; pybind11 and nanobind wrap them in C++ "
            .. "objects, Cython writes the counting for object variables, PyO3 makes it part "
            .. "of Rust's types: see ch04#choosing (and ch04#comparison).",
        "Two Py_DECREF calls run on the success path; for a C++ library with classes, the "
            .. "tools built on C++ templates fit.",
    },
    solution = "Two reference operations run on the success path (Py_DECREF of the count and "
        .. "of the name after the dict took its own references), plus the NULL checks and "
        .. "the clean-up on each error path that did not run. For two hundred such functions "
        .. "over a C++ library with classes and smart pointers, pybind11 or nanobind: they "
        .. "wrap references in C++ objects and bind classes directly (ch04#choosing).",
    program = [[
# get_reading(): return {"count": 1000, "name": "sensor-7"}, written by hand
PyObject *d = PyDict_New();
if (!d) return NULL;
PyObject *count = PyLong_FromLong(1000);
if (!count) { Py_DECREF(d); return NULL; }
PyDict_SetItemString(d, "count", count);
Py_DECREF(count);
PyObject *name = PyUnicode_FromString("sensor-7");
if (!name) { Py_DECREF(d); return NULL; }
PyDict_SetItemString(d, "name", name);
Py_DECREF(name);
return d;
]],
    steps = {
        {
            at = 2,
            ask = "Running this wrapper once, how many Py_INCREF/Py_DECREF lines execute on the "
                .. "success path (not counting the error paths that are skipped)?",
            type = "number",
            answer = 2,
            explain = "PyDict_SetItemString does not steal: the dict takes its own reference, so "
                .. "each value you made needs one Py_DECREF. The error paths hold more "
                .. "(ch04#ownership).",
            model = function(run) return refcount_lines(run) end,
        },
        {
            at = 12,
            ask = "Your team must expose 200 functions like this one from an existing C++ "
                .. "library with classes and smart pointers, and would rather not write this "
                .. "bookkeeping by hand. Which tool fits best?",
            choices = {
                "ctypes: nothing to compile",
                "pybind11 or nanobind",
                "more hand-written C API like the wrapper above",
                "Cython, to speed up their own Python loop",
            },
            answer = 2,
            explain = "The library is C++ with classes: pybind11 or nanobind bind it directly and "
                .. "hold references in C++ objects. ctypes only speaks C and trusts your "
                .. "declarations; Cython fits Python-shaped code you own (ch04#choosing).",
            model = function(run)
                -- ch04#choosing: a C++ library with classes -> the C++ template tools;
                -- asked only once the wrapper ran clean, so the bookkeeping seen is real.
                if run.exit == 0 and #run.leaks == 0 and refcount_lines(run) > 0 then
                    return 2
                end
                return 3
            end,
        },
    },
}
