x = Py_None
y = x
Py_XINCREF(y)
z = NULL
Py_XDECREF(z)
w = Py_XNewRef(z)
return y
