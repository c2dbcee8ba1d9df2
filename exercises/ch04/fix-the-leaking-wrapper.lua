-- Fix it: a C-API function that returns the right list and leaks on every call.
-- Runs on the C-API lab (model "capi"): the semantics of each call are 3.11's
-- (app/sim/capi_lang.c cites the manual for each).

return {
    id = "fix-the-leaking-wrapper",
    title = "Plug the leaks in make_pair()",
    goal = "Make make_pair() return the list [1000, 2000] with no leaked reference.",
    kind = "fix",
    model = "capi",
    difficulty = 2,
    competencies = { "bindings-capi" },
    hints = {
        "Which calls hand you a new reference, and does PyList_Append take it over or make its own?",
        "PyList_Append does not steal: the list takes its own reference and yours is still "
            .. "yours to release; a call result you never store cannot be released at all: "
            .. "see ch04#ownership and ch04#ownership-bugs.",
        "Py_DECREF(a) after appending it, and give PyLong_FromLong(2000) a variable of its "
            .. "own so you can check it and release it too.",
    },
    starter = [[
# make_pair(): return a new list [1000, 2000] to the caller.
# It returns the right list, but every call leaks memory. Fix the leaks.
PyObject *result = PyList_New(0);
if (!result) return NULL;
PyObject *a = PyLong_FromLong(1000);
if (!a) { Py_DECREF(result); return NULL; }
PyList_Append(result, a);
PyList_Append(result, PyLong_FromLong(2000));
return result;
]],
    solution = [[
# make_pair(): return a new list [1000, 2000] to the caller.
# It returns the right list, but every call leaks memory. Fix the leaks.
PyObject *result = PyList_New(0);
if (!result) return NULL;
PyObject *a = PyLong_FromLong(1000);
if (!a) { Py_DECREF(result); return NULL; }
PyList_Append(result, a);
Py_DECREF(a);
PyObject *b = PyLong_FromLong(2000);
if (!b) { Py_DECREF(result); return NULL; }
PyList_Append(result, b);
Py_DECREF(b);
return result;
]],
    check = function(run)
        if #run.leaks > 0 then
            local l = run.leaks[1]
            local who = l.var ~= "" and l.var or "a call result that was never stored"
            return false, string.format("still leaking: the %s %s made at line %d (%s) is "
                .. "never released", l.type, l.value, l.line, who)
        end
        if run.exit ~= 0 then
            return false, "the function stopped at a misuse: " .. (run.error:match("error: (.*)") or run.error)
        end
        local r = run.returned
        if not r or r.type ~= "list" or r.value ~= "len 2" then
            return false, "make_pair() must still return a new list of two items"
        end
        if not r.items or r.items[1] ~= "1000" or r.items[2] ~= "2000" then
            return false, ("make_pair() must return [1000, 2000] in that order (it returns "
                .. "[%s])"):format(table.concat(r.items or {}, ", "))
        end
        local held = {}
        for _, o in ipairs(run.objects) do
            if o.alive and o.type == "int" then
                held[o.value] = o.refcount
            end
        end
        if held["1000"] ~= 1 or held["2000"] ~= 1 then
            return false, "the list should hold 1000 and 2000, each with refcount 1 "
                .. "(the list's own reference and no other)"
        end
        return true, "no leaks: the list holds each int once and the caller owns the list"
    end,
}
