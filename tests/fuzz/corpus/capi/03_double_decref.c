obj = PyLong_FromLong(1000)
Py_DECREF(obj)
Py_DECREF(obj)
