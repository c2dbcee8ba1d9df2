/*
 * holder: two extension types that each keep one Python object, for
 * chapter 4's section on the cyclic collector.  `Holder` is written as if
 * its author forgot the collector (no Py_TPFLAGS_HAVE_GC, no tp_traverse);
 * `GcHolder` takes part (HAVE_GC, tp_traverse, tp_clear, untrack before
 * clearing in tp_dealloc).  cycle.py puts each in a reference cycle.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
    PyObject_HEAD
    PyObject *item; /* one strong reference, or NULL */
} HolderObject;

static PyObject *holder_set(HolderObject *self, PyObject *item)
{
    Py_XSETREF(self->item, Py_NewRef(item));
    Py_RETURN_NONE;
}

static PyMethodDef holder_methods[] = {
    {"set", (PyCFunction)holder_set, METH_O, "Keep a reference to the argument."},
    {NULL, NULL, 0, NULL},
};

/* Without the collector: plain allocation, and the reference is dropped
 * only when the holder's own count reaches zero. */
static void holder_dealloc(HolderObject *self)
{
    Py_CLEAR(self->item);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static PyTypeObject HolderType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "holder.Holder",
    .tp_basicsize = sizeof(HolderObject),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_new = PyType_GenericNew,
    .tp_dealloc = (destructor)holder_dealloc,
    .tp_methods = holder_methods,
};

/* With the collector: traverse shows the reference, clear breaks it. */
static int gcholder_traverse(HolderObject *self, visitproc visit, void *arg)
{
    Py_VISIT(self->item);
    return 0;
}

static int gcholder_clear(HolderObject *self)
{
    Py_CLEAR(self->item);
    return 0;
}

static void gcholder_dealloc(HolderObject *self)
{
    PyObject_GC_UnTrack(self); /* before the fields traverse reads go */
    gcholder_clear(self);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static PyTypeObject GcHolderType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "holder.GcHolder",
    .tp_basicsize = sizeof(HolderObject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_new = PyType_GenericNew,
    .tp_dealloc = (destructor)gcholder_dealloc,
    .tp_traverse = (traverseproc)gcholder_traverse,
    .tp_clear = (inquiry)gcholder_clear,
    .tp_methods = holder_methods,
};

static struct PyModuleDef holder_module = {
    PyModuleDef_HEAD_INIT, "holder", "Holders with and without GC support.", -1, NULL,
};

PyMODINIT_FUNC PyInit_holder(void)
{
    if (PyType_Ready(&HolderType) < 0 || PyType_Ready(&GcHolderType) < 0)
        return NULL;
    PyObject *m = PyModule_Create(&holder_module);
    if (m == NULL)
        return NULL;
    if (PyModule_AddObjectRef(m, "Holder", (PyObject *)&HolderType) < 0 ||
        PyModule_AddObjectRef(m, "GcHolder", (PyObject *)&GcHolderType) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
