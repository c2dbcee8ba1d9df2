/*
 * capi_fns: the C-API functions the lab knows — name, arguments, what the
 * result is (new, borrowed, a status) and which argument is stolen — with
 * where the manual says so.
 */
#include <string.h>

#include "lab/capi/capi.h"
#include "lab/capi/capi_internal.h"

#define O CT_OBJ
#define L CT_LONG
#define S CT_STR

/*
 * Sources, all from the Python/C API Reference Manual for 3.11
 * (https://docs.python.org/3.11/c-api/) and its machine-readable table
 * Doc/data/refcounts.dat in the CPython repository:
 *   refcounting.html  Py_INCREF, Py_DECREF, Py_XINCREF, Py_XDECREF: change the
 *                     count; X forms accept NULL.  Py_NewRef/Py_XNewRef (3.10+)
 *                     return a new strong reference to their argument.
 *   long.html         PyLong_FromLong: "Return value: New reference"; small
 *                     ints -5..256 are cached ("you actually just get back a
 *                     reference to the existing object").  PyLong_AsLong:
 *                     -1 with an exception set on error (TypeError for a
 *                     non-int, per 3.11 Objects/longobject.c).
 *   unicode.html      PyUnicode_FromString: "Return value: New reference."
 *   list.html         PyList_New: new reference, items NULL until set.
 *                     PyList_Append: does not steal (refcounts.dat: item +1).
 *                     PyList_SetItem: "steals a reference to item and discards
 *                     a reference to an item already in the list"; out of
 *                     range: -1 and IndexError.  PyList_GetItem: "Return
 *                     value: Borrowed reference"; out of range: NULL and
 *                     IndexError.  PyList_Size: Py_ssize_t.
 *   tuple.html        PyTuple_New: new reference.  PyTuple_SetItem: steals o,
 *                     IndexError when out of range (and, per 3.11
 *                     Objects/tupleobject.c, SystemError when the tuple is
 *                     shared: refcount != 1).  PyTuple_GetItem: borrowed.
 *   dict.html         PyDict_New: new reference.  PyDict_SetItemString: "does
 *                     not steal a reference to val" (the key is made with
 *                     PyUnicode_FromString and interned).  PyDict_GetItemString:
 *                     borrowed, NULL *without* setting an exception.
 *   exceptions.html   PyErr_Clear: clears the error indicator.
 *   intro.html#reference-count-details  owned vs borrowed, "stealing".
 */
static const CapiFnInfo fns[CF_COUNT] = {
    [CF_INCREF] = {"Py_INCREF", 1, {O}, CR_VOID, -1, false},
    [CF_DECREF] = {"Py_DECREF", 1, {O}, CR_VOID, -1, false},
    [CF_XINCREF] = {"Py_XINCREF", 1, {O}, CR_VOID, -1, true},
    [CF_XDECREF] = {"Py_XDECREF", 1, {O}, CR_VOID, -1, true},
    [CF_NEWREF] = {"Py_NewRef", 1, {O}, CR_NEW, -1, false},
    [CF_XNEWREF] = {"Py_XNewRef", 1, {O}, CR_NEW, -1, true},
    [CF_LONG_FROMLONG] = {"PyLong_FromLong", 1, {L}, CR_NEW, -1, false},
    [CF_LONG_ASLONG] = {"PyLong_AsLong", 1, {O}, CR_LONG, -1, false},
    [CF_UNICODE_FROMSTRING] = {"PyUnicode_FromString", 1, {S}, CR_NEW, -1, false},
    [CF_LIST_NEW] = {"PyList_New", 1, {L}, CR_NEW, -1, false},
    [CF_LIST_APPEND] = {"PyList_Append", 2, {O, O}, CR_STATUS, -1, false},
    [CF_LIST_SETITEM] = {"PyList_SetItem", 3, {O, L, O}, CR_STATUS, 2, false},
    [CF_LIST_GETITEM] = {"PyList_GetItem", 2, {O, L}, CR_BORROWED, -1, false},
    [CF_LIST_SIZE] = {"PyList_Size", 1, {O}, CR_LONG, -1, false},
    [CF_TUPLE_NEW] = {"PyTuple_New", 1, {L}, CR_NEW, -1, false},
    [CF_TUPLE_SETITEM] = {"PyTuple_SetItem", 3, {O, L, O}, CR_STATUS, 2, false},
    [CF_TUPLE_GETITEM] = {"PyTuple_GetItem", 2, {O, L}, CR_BORROWED, -1, false},
    [CF_DICT_NEW] = {"PyDict_New", 0, {0}, CR_NEW, -1, false},
    [CF_DICT_SETITEMSTRING] = {"PyDict_SetItemString", 3, {O, S, O}, CR_STATUS, -1, false},
    [CF_DICT_GETITEMSTRING] = {"PyDict_GetItemString", 2, {O, S}, CR_BORROWED, -1, false},
    [CF_ERR_CLEAR] = {"PyErr_Clear", 0, {0}, CR_VOID, -1, false},
};

#undef O
#undef L
#undef S

const CapiFnInfo *capi_fn_info(CapiFn f) { return f < CF_COUNT ? &fns[f] : NULL; }

int capi__fn_find(const char *name, size_t n)
{
    for (int i = 0; i < CF_COUNT; i++)
        if (strlen(fns[i].name) == n && memcmp(fns[i].name, name, n) == 0)
            return i;
    return -1;
}
