Py_INCREF(zz)
y = PyFoo(1)
Py_DECREF(1, 2)
n = PyLong_AsLong("s")
if (x < 0) return
PyObject x = 3
if (!y) {
