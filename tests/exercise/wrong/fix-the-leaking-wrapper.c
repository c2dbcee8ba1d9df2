# Wrong: no leak, but the list is [2000, 1000], not [1000, 2000].
PyObject *result = PyList_New(0);
if (!result) return NULL;
PyObject *b = PyLong_FromLong(2000);
if (!b) { Py_DECREF(result); return NULL; }
PyList_Append(result, b);
Py_DECREF(b);
PyObject *a = PyLong_FromLong(1000);
if (!a) { Py_DECREF(result); return NULL; }
PyList_Append(result, a);
Py_DECREF(a);
return result;
