lst = PyList_New(1)
obj = PyLong_FromLong(7)
PyList_SetItem(lst, 0, obj)
Py_DECREF(obj)
