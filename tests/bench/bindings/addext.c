/* A hand-written extension exposing add() with METH_FASTCALL: the
 * cheapest way CPython can call C (no argument tuple is built). */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *addext_add(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    (void)self;
    if (nargs != 2) {
        PyErr_SetString(PyExc_TypeError, "add() takes two ints");
        return NULL;
    }
    long a = PyLong_AsLong(args[0]);
    long b = PyLong_AsLong(args[1]);
    if ((a == -1 || b == -1) && PyErr_Occurred())
        return NULL;
    return PyLong_FromLong(a + b);
}

static PyMethodDef addext_methods[] = {
    {"add", (PyCFunction)(void (*)(void))addext_add, METH_FASTCALL, "add two ints"},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef addext_module = {
    PyModuleDef_HEAD_INIT, "addext", "add() through the C API", -1, addext_methods,
};

PyMODINIT_FUNC PyInit_addext(void) { return PyModule_Create(&addext_module); }
