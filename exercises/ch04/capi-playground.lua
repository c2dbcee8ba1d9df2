-- A playground for chapter 4's C-API lab: write calls, step through them,
-- watch owned, borrowed and stolen references and the refcounts move.
return {
    id = "capi-playground",
    title = "C-API ownership playground",
    goal = "Try the C API's calls and see what each one does to references and refcounts.",
    kind = "sandbox",
    model = "capi",
    difficulty = 1,
    competencies = { "bindings-capi" },
    program = [[
# One C-API call a line, on CPython 3.11's rules. Try to break it:
#   Py_INCREF Py_DECREF Py_XINCREF Py_XDECREF Py_NewRef Py_XNewRef
#   PyLong_FromLong PyLong_AsLong PyUnicode_FromString PyErr_Clear
#   PyList_New PyList_Append PyList_SetItem PyList_GetItem PyList_Size
#   PyTuple_New PyTuple_SetItem PyTuple_GetItem
#   PyDict_New PyDict_SetItemString PyDict_GetItemString
#   if (!x) return NULL    if (rc < 0) { Py_DECREF(lst); return NULL; }
#   return x    Py_RETURN_NONE    (values: names, numbers, "strings", NULL, Py_None)
PyObject *lst = PyList_New(0);
if (!lst) return NULL;
PyObject *big = PyLong_FromLong(1000);
PyObject *small = PyLong_FromLong(5);
PyList_Append(lst, big);
PyList_Append(lst, small);
Py_DECREF(big);
Py_DECREF(small);
PyObject *item = PyList_GetItem(lst, 0);
long n = PyLong_AsLong(item);
return lst;
]],
}
