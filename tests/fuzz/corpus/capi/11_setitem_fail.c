lst = PyList_New(2)
rc = PyList_SetItem(lst, 5, PyLong_FromLong(1))
if (rc < 0) { Py_DECREF(lst); return NULL; }
