PyObject *lst = PyList_New(0);
PyObject *obj = PyLong_FromLong(1000);
if (!obj) { Py_DECREF(lst); return NULL; }
PyList_Append(lst, obj);
Py_DECREF(obj);
return lst;
