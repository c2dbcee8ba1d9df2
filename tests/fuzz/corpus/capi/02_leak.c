lst = PyList_New(0)
obj = PyLong_FromLong(1000)
PyList_Append(lst, obj)
return lst
