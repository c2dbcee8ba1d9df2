/*
 * slot_wrappers: the special methods of the built-in containers and
 * iterators that CPython exposes as slot wrappers (wrapper_descriptor in
 * the type's dict: `[].__len__`, `it.__next__`, `"ab".__contains__`), as a
 * learner calls or tests them directly.  Read on an object they make a
 * method-wrapper (48 bytes, tracked); called as `x.__len__()` the
 * descriptor is called unbound with a tuple of self and the arguments
 * (wrapperdescr_call; bi_wrapper_args).  Each checks its argument count as
 * check_num_args words it.  Which names are slot wrappers, per type, was
 * read from CPython 3.11.7 and 3.13.0 (type(T.__dict__[name])); the ones
 * that are method descriptors there (list.__getitem__, dict.__contains__,
 * set.__contains__ ...) are not here and stay refused.
 */
#include <string.h>

#include "pyrun/builtins.h"
#include "pyrun/types/types.h"

#define S (I->sim)

/* check_num_args: a slot wrapper takes exactly `want` arguments after self */
bool slot_num_args(PyRun *I, int n, SimId kw, int want, const char *name)
{
    if (kw && sim_obj(S, kw)->len) {
        py_raise(I, EXC_TypeError, "wrapper %s() takes no keyword arguments", name);
        return false;
    }
    if (n - 1 == want)
        return true;
    py_raise(I, EXC_TypeError, "expected %d argument%s, got %d", want, want == 1 ? "" : "s", n - 1);
    return false;
}

/* wrap_lenfunc */
static SimId w_len(PyRun *I, SimId *a, int n, SimId kw)
{
    bi_wrapper_args(I, n, kw);
    if (!slot_num_args(I, n, kw, 0, "__len__"))
        return 0;
    I->own_slot = true; /* the built-in's own slot, not a subclass's override */
    return builtin_len_of(I, a[0]);
}

/* wrap_unaryfunc of tp_iter */
static SimId w_iter(PyRun *I, SimId *a, int n, SimId kw)
{
    if (sim_is_native(S, a[0]))
        return py_not_modelled(I, 0, "'%s.__iter__'", op_typename(I, a[0])), (SimId)0;
    bi_wrapper_args(I, n, kw);
    if (!slot_num_args(I, n, kw, 0, "__iter__"))
        return 0;
    I->own_slot = true; /* the built-in's own slot, not a subclass's override */
    return iter_new(I, a[0]);
}

/* wrap_next: the end is a StopIteration without a value */
static SimId w_next(PyRun *I, SimId *a, int n, SimId kw)
{
    if (sim_is_native(S, a[0]))
        return py_not_modelled(I, 0, "'%s.__next__'", op_typename(I, a[0])), (SimId)0;
    bi_wrapper_args(I, n, kw);
    if (!slot_num_args(I, n, kw, 0, "__next__"))
        return 0;
    SimId r = iter_next(I, a[0]);
    if (!r && !I->ts->err.set)
        py_raise(I, EXC_StopIteration, "%s", "");
    return r;
}

/* wrap_objobjproc of sq_contains */
static SimId w_contains(PyRun *I, SimId *a, int n, SimId kw)
{
    bi_wrapper_args(I, n, kw);
    if (!slot_num_args(I, n, kw, 1, "__contains__"))
        return 0;
    I->own_slot = true; /* the built-in's own slot, not a subclass's override */
    int r = op_contains(I, a[0], a[1]);
    return r < 0 ? 0 : sim_bool(S, r == 1);
}

/* wrap_binaryfunc of mp_subscript */
static SimId w_getitem(PyRun *I, SimId *a, int n, SimId kw)
{
    bi_wrapper_args(I, n, kw);
    if (!slot_num_args(I, n, kw, 1, "__getitem__"))
        return 0;
    I->own_slot = true; /* the built-in's own slot, not a subclass's override */
    return op_getitem(I, a[0], a[1]);
}

/* wrap_objobjargproc of mp_ass_subscript: its PyArg_UnpackTuple, named "" */
static SimId w_setitem(PyRun *I, SimId *a, int n, SimId kw)
{
    bi_wrapper_args(I, n, kw);
    if (n - 1 != 2 && !(kw && sim_obj(S, kw)->len)) {
        py_raise(I, EXC_TypeError, " expected 2 arguments, got %d", n - 1);
        return 0;
    }
    if (!slot_num_args(I, n, kw, 2, "__setitem__"))
        return 0;
    I->own_slot = true; /* the built-in's own slot, not a subclass's override */
    return op_setitem(I, a[0], a[1], a[2]) ? bi_none(I) : 0;
}

/* wrap_delitem */
static SimId w_delitem(PyRun *I, SimId *a, int n, SimId kw)
{
    bi_wrapper_args(I, n, kw);
    if (!slot_num_args(I, n, kw, 1, "__delitem__"))
        return 0;
    I->own_slot = true; /* the built-in's own slot, not a subclass's override */
    return op_delitem(I, a[0], a[1]) ? bi_none(I) : 0;
}

#define W(nm, kind, f) BUILTIN(nm, kind, 0, f, .style = ARGS_OWN, .kw = "*")
const BuiltinDef slot_methods[] = {
    W("__len__", SK_LIST, w_len),        W("__iter__", SK_LIST, w_iter),         W("__contains__", SK_LIST, w_contains),
    W("__setitem__", SK_LIST, w_setitem), W("__delitem__", SK_LIST, w_delitem),
    W("__len__", SK_TUPLE, w_len),       W("__iter__", SK_TUPLE, w_iter),        W("__contains__", SK_TUPLE, w_contains),
    W("__getitem__", SK_TUPLE, w_getitem),
    W("__len__", SK_STR, w_len),         W("__iter__", SK_STR, w_iter),          W("__contains__", SK_STR, w_contains),
    W("__getitem__", SK_STR, w_getitem),
    W("__len__", SK_BYTES, w_len),       W("__iter__", SK_BYTES, w_iter),        W("__contains__", SK_BYTES, w_contains),
    W("__getitem__", SK_BYTES, w_getitem),
    W("__len__", SK_DICT, w_len),        W("__iter__", SK_DICT, w_iter),         W("__setitem__", SK_DICT, w_setitem),
    W("__delitem__", SK_DICT, w_delitem),
    W("__len__", SK_SET, w_len),         W("__iter__", SK_SET, w_iter),
    W("__len__", SK_RANGE, w_len),       W("__iter__", SK_RANGE, w_iter),        W("__contains__", SK_RANGE, w_contains),
    W("__getitem__", SK_RANGE, w_getitem),
    W("__iter__", SK_ITER, w_iter),      W("__next__", SK_ITER, w_next),
};
const int slot_nmethods = (int)(sizeof slot_methods / sizeof slot_methods[0]);
