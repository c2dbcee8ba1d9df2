s = PyUnicode_FromString("café \"q\"\n")
n = PyLong_AsLong(s)
if (n == -1) PyErr_Clear()
Py_DECREF(s)
Py_RETURN_NONE
