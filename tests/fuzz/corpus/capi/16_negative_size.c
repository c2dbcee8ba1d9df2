l = PyList_New(-1)
if (!l) return NULL
return l
