-- Fix it: a double decref hidden behind PyTuple_SetItem's stolen reference.
-- Runs on the C-API lab (model "capi"), CPython 3.11 semantics.

return {
    id = "stolen-then-released",
    title = "The tuple that gets freed twice",
    goal = "Make make_point() return the tuple (3, 1000) without releasing a reference it no longer owns.",
    kind = "fix",
    model = "capi",
    difficulty = 3,
    competencies = { "bindings-capi" },
    hints = {
        "Run it: the lab stops at a line. Who owns x's reference once PyTuple_SetItem has run?",
        "PyTuple_SetItem and PyList_SetItem steal the reference you pass: the tuple owns it "
            .. "now and will release it itself, so releasing it again is a double decref: see "
            .. "ch04#ownership-bugs (and ch04#ownership).",
        "Delete the two Py_DECREF lines after the SetItem calls; keep the ones on the error paths.",
    },
    starter = [[
# make_point(): return the tuple (3, 1000) to the caller.
# The lab stops with an error before the return. Fix it.
PyObject *t = PyTuple_New(2);
if (!t) return NULL;
PyObject *x = PyLong_FromLong(3);
if (!x) { Py_DECREF(t); return NULL; }
PyObject *y = PyLong_FromLong(1000);
if (!y) { Py_DECREF(x); Py_DECREF(t); return NULL; }
PyTuple_SetItem(t, 0, x);
PyTuple_SetItem(t, 1, y);
Py_DECREF(x);
Py_DECREF(y);
return t;
]],
    solution = [[
# make_point(): return the tuple (3, 1000) to the caller.
# The lab stops with an error before the return. Fix it.
PyObject *t = PyTuple_New(2);
if (!t) return NULL;
PyObject *x = PyLong_FromLong(3);
if (!x) { Py_DECREF(t); return NULL; }
PyObject *y = PyLong_FromLong(1000);
if (!y) { Py_DECREF(x); Py_DECREF(t); return NULL; }
PyTuple_SetItem(t, 0, x);
PyTuple_SetItem(t, 1, y);
return t;
]],
    check = function(run)
        if run.error_line ~= 0 then
            return false, "line " .. run.error_line .. ": " .. (run.error:match("error: (.*)") or run.error)
        end
        if #run.leaks > 0 then
            return false, string.format("the %s made at line %d leaks", run.leaks[1].type,
                run.leaks[1].line)
        end
        local r = run.returned
        if not r or r.type ~= "tuple" or r.value ~= "len 2" then
            return false, "make_point() must still return a new tuple of two items"
        end
        if not r.items or r.items[1] ~= "3" or r.items[2] ~= "1000" then
            return false, ("make_point() must return (3, 1000) in that order (it returns "
                .. "(%s))"):format(table.concat(r.items or {}, ", "))
        end
        for _, o in ipairs(run.objects) do
            if o.type == "int" and o.value == "1000" then
                if not o.alive or o.refcount ~= 1 then
                    return false, "1000 should be alive with refcount 1: the tuple's reference"
                end
                return true, "the tuple owns both items; the caller owns the tuple"
            end
        end
        return false, "the tuple should hold the int 1000"
    end,
}
