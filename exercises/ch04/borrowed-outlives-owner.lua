-- Predict: a borrowed reference that outlives the list that lent it.
-- Runs on the C-API lab (model "capi"), CPython 3.11 semantics.

return {
    id = "borrowed-outlives-owner",
    title = "The name that died with its list",
    goal = "Follow a borrowed reference from PyList_GetItem and see when it stops being safe.",
    kind = "predict",
    model = "capi",
    difficulty = 3,
    competencies = { "bindings-capi" },
    hints = {
        "PyList_GetItem lends you the item. Who keeps the item alive while you hold it?",
        "A borrowed reference is valid only while its owner holds the object; when the last "
            .. "owner lets go the object is freed at once: see ch04#ownership-bugs "
            .. "(and ch04#ownership).",
        "Line 9 drops the only reference to the list, and the list drops the str with it.",
    },
    solution = "After line 7 only the list holds the str (refcount 1). `first` is borrowed "
        .. "from the list, so Py_DECREF(names) on line 9 frees the list and, with it, the "
        .. "str: `first` dangles, and `return Py_NewRef(first)` on line 10 is a use after free. Fix: "
        .. "take your own reference while the list still holds it (Py_INCREF(first) right "
        .. "after line 8), then release the list and return first.",
    program = [[
# first_name(): build a list of names and return its first name
PyObject *names = PyList_New(0);
if (!names) return NULL;
PyObject *s = PyUnicode_FromString("spam");
if (!s) { Py_DECREF(names); return NULL; }
PyList_Append(names, s);
Py_DECREF(s);
PyObject *first = PyList_GetItem(names, 0);
Py_DECREF(names);
return Py_NewRef(first);
]],
    -- the lab stops at line 10 with the use after free: that is the lesson
    ends_in_error = true,
    steps = {
        {
            at = 6,
            ask = "After lines 6 and 7 (append, then Py_DECREF(s)), what is the refcount of the str 'spam'?",
            type = "number",
            answer = 1,
            explain = "PyList_Append takes its own reference (2), Py_DECREF(s) gives yours up (1): "
                .. "the list is now the str's only owner (ch04#ownership).",
            model = function(run) return run.refcount.s end,
        },
        {
            at = 8,
            ask = "Line 8 borrows the str as `first`; line 9 releases `names`. After line 9, `first` is...",
            choices = {
                "an owned reference: the str keeps refcount 1",
                "a borrowed reference to a str that is still alive",
                "a dangling pointer: the str was freed together with the list",
            },
            answer = 3,
            explain = "The list's refcount was 1, so Py_DECREF frees it and the list releases "
                .. "its items: the str dies with it, and `first` points at freed memory "
                .. "(ch04#ownership-bugs).",
            model = function(run)
                local f = run.vars.first
                if not f.alive then
                    return 3
                end
                return f.owned and 1 or 2
            end,
        },
        {
            at = 10,
            ask = "Line 10 returns `Py_NewRef(first)`. Where must the function take its own "
                .. "reference to the str for that to be safe?",
            choices = {
                "right after line 8, before Py_DECREF(names)",
                "at the return: Py_NewRef(first) is enough",
                "nowhere: a borrowed reference may be returned as it is",
            },
            answer = 1,
            explain = "After line 9 the str is gone: the lab stops line 10 as a use after "
                .. "free. A borrowed reference is never yours to return; own it while the "
                .. "list still holds it (ch04#ownership-bugs).",
            model = function(run)
                if not run.vars.first.alive then
                    return 1
                end
                return 2
            end,
        },
    },
}
