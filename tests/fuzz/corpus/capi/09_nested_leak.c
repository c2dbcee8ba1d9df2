PyList_Append(PyList_New(0), PyLong_FromLong(99999))
Py_RETURN_NONE
