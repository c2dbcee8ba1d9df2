t = PyTuple_New(2)
PyTuple_SetItem(t, 0, PyUnicode_FromString("a"))
PyTuple_SetItem(t, 1, Py_NewRef(Py_None))
x = PyTuple_GetItem(t, 1)
return t
