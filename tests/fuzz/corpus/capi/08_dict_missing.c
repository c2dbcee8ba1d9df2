d = PyDict_New()
v = PyLong_FromLong(-5)
PyDict_SetItemString(d, "k", v)
Py_DECREF(v)
g = PyDict_GetItemString(d, "k")
m = PyDict_GetItemString(d, "nope")
if (m == NULL) { Py_DECREF(d); return NULL; }
