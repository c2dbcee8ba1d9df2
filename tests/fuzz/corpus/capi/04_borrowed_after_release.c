lst = PyList_New(1)
PyList_SetItem(lst, 0, PyLong_FromLong(1000))
item = PyList_GetItem(lst, 0)
Py_DECREF(lst)
Py_INCREF(item)
return item
