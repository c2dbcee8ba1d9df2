/*
 * callconv: the same two-int addition behind four calling conventions, for
 * chapter 4's vectorcall section.  Two module functions (METH_VARARGS gets
 * a tuple, METH_FASTCALL a C array) and two callable types (TupleAdder has
 * only tp_call, which gets a tuple and a dict; VectorAdder stores a
 * vectorcall function pointer in each instance, PEP 590).  bench.py times
 * each call from Python.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stddef.h>

static PyObject *sum_two(PyObject *a, PyObject *b)
{
    long x = PyLong_AsLong(a);
    long y = PyLong_AsLong(b);
    if ((x == -1 || y == -1) && PyErr_Occurred())
        return NULL;
    return PyLong_FromLong(x + y);
}

static PyObject *add_varargs(PyObject *mod, PyObject *args)
{
    PyObject *a, *b;
    if (!PyArg_UnpackTuple(args, "add_varargs", 2, 2, &a, &b))
        return NULL;
    return sum_two(a, b);
}

static PyObject *add_fastcall(PyObject *mod, PyObject *const *args, Py_ssize_t n)
{
    if (n != 2) {
        PyErr_SetString(PyExc_TypeError, "add_fastcall takes 2 arguments");
        return NULL;
    }
    return sum_two(args[0], args[1]);
}

/* A callable type reached through tp_call only. */
static PyObject *tuple_call(PyObject *self, PyObject *args, PyObject *kwargs)
{
    PyObject *a, *b;
    if (kwargs != NULL && PyDict_GET_SIZE(kwargs) != 0) {
        PyErr_SetString(PyExc_TypeError, "no keyword arguments");
        return NULL;
    }
    if (!PyArg_UnpackTuple(args, "TupleAdder", 2, 2, &a, &b))
        return NULL;
    return sum_two(a, b);
}

static PyTypeObject TupleAdderType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "callconv.TupleAdder",
    .tp_basicsize = sizeof(PyObject),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_new = PyType_GenericNew,
    .tp_call = tuple_call,
};

/* A callable type with vectorcall: each instance carries the pointer, and
 * tp_vectorcall_offset says where it is. */
typedef struct {
    PyObject_HEAD
    vectorcallfunc vectorcall;
} VectorAdderObject;

static PyObject *vector_call(PyObject *self, PyObject *const *args, size_t nargsf,
                             PyObject *kwnames)
{
    if (PyVectorcall_NARGS(nargsf) != 2 || (kwnames && PyTuple_GET_SIZE(kwnames))) {
        PyErr_SetString(PyExc_TypeError, "VectorAdder takes 2 positional arguments");
        return NULL;
    }
    return sum_two(args[0], args[1]);
}

static PyObject *vector_new(PyTypeObject *type, PyObject *args, PyObject *kwargs)
{
    VectorAdderObject *self = (VectorAdderObject *)type->tp_alloc(type, 0);
    if (self != NULL)
        self->vectorcall = vector_call;
    return (PyObject *)self;
}

static PyTypeObject VectorAdderType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "callconv.VectorAdder",
    .tp_basicsize = sizeof(VectorAdderObject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_VECTORCALL,
    .tp_new = vector_new,
    .tp_vectorcall_offset = offsetof(VectorAdderObject, vectorcall),
    .tp_call = PyVectorcall_Call, /* the same behaviour through tp_call */
};

static PyMethodDef callconv_methods[] = {
    {"add_varargs", add_varargs, METH_VARARGS, "a + b, arguments in a tuple"},
    {"add_fastcall", (PyCFunction)(void (*)(void))add_fastcall, METH_FASTCALL,
     "a + b, arguments in a C array"},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef callconv_module = {
    PyModuleDef_HEAD_INIT, "callconv", "One addition, four calling conventions.", -1,
    callconv_methods,
};

PyMODINIT_FUNC PyInit_callconv(void)
{
    if (PyType_Ready(&TupleAdderType) < 0 || PyType_Ready(&VectorAdderType) < 0)
        return NULL;
    PyObject *m = PyModule_Create(&callconv_module);
    if (m == NULL)
        return NULL;
    if (PyModule_AddObjectRef(m, "TupleAdder", (PyObject *)&TupleAdderType) < 0 ||
        PyModule_AddObjectRef(m, "VectorAdder", (PyObject *)&VectorAdderType) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
