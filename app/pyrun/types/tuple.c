/*
 * tuple: the tuple type's constructor and methods (count and index are
 * list's, as CPython's behave alike), and tuple_new for a program's
 * subclass of tuple (tuple_subtype_new; vm_tpcall.c calls the class).
 */
#include "pyrun/builtins.h"
#include "pyrun/types/types.h"

#define S (I->sim)

static SimId t_new(PyRun *I, SimId *a, int n, SimId kw);

const BuiltinDef tuple_methods[] = {
    BUILTIN("count", SK_TUPLE, 0, meth_count, .style = ARGS_ONE), BUILTIN("index", SK_TUPLE, 0, meth_index, .style = ARGS_RANGE, .min = 1, .max = 3),
    BUILTIN("__new__", SK_TUPLE, 0, t_new, .kw = "*", .classmethod = true),
};
const int tuple_nmethods = (int)(sizeof tuple_methods / sizeof tuple_methods[0]);

/* PyList_AsTuple: the items copied into a new tuple */
static SimId list_as_tuple(PyRun *I, SimId list)
{
    uint32_t len = sim_obj(S, list)->len;
    SimId t = sim_tuple(S, len);
    for (uint32_t i = 0; i < len && i < sim_obj(S, t)->len; i++) {
        sim_incref(S, sim_items(S, list)[i]);
        sim_tuple_set(S, t, i, sim_items(S, list)[i]);
    }
    return t;
}

/* PySequence_Tuple over an iterator: a tuple of the length hint (10 by
 * default), grown by 10 and a quarter when full, cut back at the end */
static SimId tuple_from_iter(PyRun *I, SimId v)
{
    SimId it = iter_new(I, v);
    if (!it) {
        if (!I->ts->err.set && !I->refused)
            py_raise(I, EXC_TypeError, "'%s' object is not iterable", op_typename(I, v));
        return 0;
    }
    int64_t n = py_length_hint(I, v, 10);
    if (n < 0) {
        sim_decref(S, it);
        return 0;
    }
    SimId t = sim_tuple(S, (size_t)n);
    int64_t j = 0;
    for (;; j++) {
        SimId item;
        int got = iter_step(I, it, &item);
        if (got < 0) {
            sim_decref(S, t);
            sim_decref(S, it);
            return 0;
        }
        if (!got)
            break;
        if (j >= n) {
            n += 10;
            n += n >> 2;
            if (!sim_tuple_resize(S, &t, (size_t)n)) {
                sim_decref(S, item);
                sim_decref(S, t);
                sim_decref(S, it);
                py_no_memory(I);
                return 0;
            }
        }
        sim_tuple_set(S, t, (size_t)j, item);
    }
    if (j < n && !sim_tuple_resize(S, &t, (size_t)j)) {
        sim_decref(S, t);
        sim_decref(S, it);
        py_no_memory(I);
        return 0;
    }
    sim_decref(S, it);
    return t;
}

SimId tuple_construct(PyRun *I, SimId *a, int n, SimId kw)
{
    int np = bi_npos(I, n, kw);
    if (!bi_nargs(I, "tuple", np, 0, 1))
        return 0;
    if (!np)
        return sim_tuple(S, 0);
    bool exact = !sim_obj(S, a[0])->type; /* a subclass's instance is iterated (PySequence_Tuple) */
    if (sim_kind(S, a[0]) == SK_TUPLE && exact) {
        sim_incref(S, a[0]);
        return a[0];
    }
    if (sim_kind(S, a[0]) == SK_LIST && exact)
        return list_as_tuple(I, a[0]);
    return tuple_from_iter(I, a[0]);
}

/* ---- a program's subclass of tuple ------------------------------------------------- */

SimId tuplesub_new(PyRun *I, SimId cls, SimId iterable)
{
    SimId tmp = iterable ? tuple_construct(I, &iterable, 1, 0) : sim_tuple(S, 0); /* tuple_new_impl */
    if (!tmp)
        return 0;
    uint32_t n = sim_obj(S, tmp)->len;
    SimId t = sim_subinst_new(S, cls, n); /* type->tp_alloc */
    for (uint32_t i = 0; i < n; i++) {
        SimId item = sim_items(S, tmp)[i];
        sim_incref(S, item);
        sim_tuple_set(S, t, i, item);
    }
    sim_decref(S, tmp);
    return t;
}

SimId tuplesub_new_wrapped(PyRun *I, SimId cls, SimId iterable, int nargs)
{
    SimId args = bi_held_tuple(I, nargs), tail = bi_held_tuple(I, nargs - 1);
    SimId r = cls == S->types[SK_TUPLE] ? (iterable ? tuple_construct(I, &iterable, 1, 0) : sim_tuple(S, 0))
                                        : tuplesub_new(I, cls, iterable);
    sim_xdecref(S, tail);
    sim_xdecref(S, args);
    return r;
}

bool tuplesub_keywords_refused(PyRun *I, SimId cls, int nkw)
{
    SimId init = sim_type_lookup(S, cls, "__init__");
    if (!nkw || (init && sim_kind(S, init) == SK_FUNC)) /* a tp_init of its own takes them */
        return false;
    py_raise(I, EXC_TypeError, "tuple() takes no keyword arguments");
    return true;
}

/* tuple.__new__(cls, iterable=()): tp_new_wrapper, bound to the tuple type
 * (a[0]); its argument tuple and the slice after cls, made and dropped */
static SimId t_new(PyRun *I, SimId *a, int n, SimId kw)
{
    int nkw = kw ? (int)sim_obj(S, kw)->len : 0, np = n - 1 - nkw;
    if (np < 1) {
        py_raise(I, EXC_TypeError, "tuple.__new__(): not enough arguments");
        return 0;
    }
    SimId sub = a[1];
    if (sim_kind(S, sub) != SK_TYPE) {
        py_raise(I, EXC_TypeError, "tuple.__new__(X): X is not a type object (%s)", op_typename(I, sub));
        return 0;
    }
    if (!sim_is_subtype(S, sub, S->types[SK_TUPLE])) {
        const char *nm = sim_type_obj_name(S, sub);
        py_raise(I, EXC_TypeError, "tuple.__new__(%s): %s is not a subtype of tuple", nm, nm);
        return 0;
    }
    if (np > 2) {
        py_raise(I, EXC_TypeError, "tuple expected at most 1 argument, got %d", np - 1);
        return 0;
    }
    if (sub == S->types[SK_TUPLE] ? nkw > 0 : tuplesub_keywords_refused(I, sub, nkw)) {
        if (sub == S->types[SK_TUPLE])
            py_raise(I, EXC_TypeError, "tuple() takes no keyword arguments");
        return 0;
    }
    return tuplesub_new_wrapped(I, sub, np > 1 ? a[2] : 0, n - 1);
}
