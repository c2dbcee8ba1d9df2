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

SimId tuple_construct(PyRun *I, SimId *a, int n, SimId kw)
{
    int np = bi_npos(I, n, kw);
    if (!bi_nargs(I, "tuple", np, 0, 1))
        return 0;
    if (!np)
        return sim_tuple(S, 0);
    if (sim_kind(S, a[0]) == SK_TUPLE) {
        sim_incref(S, a[0]);
        return a[0];
    }
    SimId l = bi_list_from(I, a[0]);
    if (!l)
        return 0;
    uint32_t len = sim_obj(S, l)->len;
    SimId t = sim_tuple(S, len);
    for (uint32_t i = 0; i < len; i++) {
        sim_incref(S, sim_items(S, l)[i]);
        sim_tuple_set(S, t, i, sim_items(S, l)[i]);
    }
    sim_decref(S, l);
    return t;
}
