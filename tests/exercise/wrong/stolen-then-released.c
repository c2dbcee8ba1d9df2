# Wrong: nothing is released twice, but the tuple is (1000, 3), not (3, 1000).
PyObject *t = PyTuple_New(2);
if (!t) return NULL;
PyObject *x = PyLong_FromLong(3);
if (!x) { Py_DECREF(t); return NULL; }
PyObject *y = PyLong_FromLong(1000);
if (!y) { Py_DECREF(x); Py_DECREF(t); return NULL; }
PyTuple_SetItem(t, 0, y);
PyTuple_SetItem(t, 1, x);
return t;
