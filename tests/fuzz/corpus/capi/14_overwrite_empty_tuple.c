x = PyLong_FromLong(1)
x = PyLong_FromLong(2)
long n = PyLong_AsLong(x);
PyObject *t = PyTuple_New(0);
PyTuple_SetItem(t, 0, x)
