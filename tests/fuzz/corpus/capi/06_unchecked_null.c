lst = PyList_New(0)
item = PyList_GetItem(lst, 3)
n = PyLong_AsLong(item)
