/*
 * tuple: the tuple type's constructor and methods (count and index are
 * list's, as CPython's behave alike).
 */
#include "pyrun/builtins.h"
#include "pyrun/types/types.h"

#define S (I->sim)

const BuiltinDef tuple_methods[] = {
    BUILTIN("count", SK_TUPLE, 0, meth_count, .style = ARGS_ONE), BUILTIN("index", SK_TUPLE, 0, meth_index, .style = ARGS_RANGE, .min = 1, .max = 3),
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
        if (!I->err.set && !I->refused)
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
