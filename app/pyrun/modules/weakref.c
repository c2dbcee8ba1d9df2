/*
 * weakref: the weakref module — ref (the type) with callbacks, getweakrefcount,
 * and calling a reference.
 */
#include "pyrun/builtins.h"

#define S (I->sim)

/* weakref.ref is the type weakref.ReferenceType: calling it makes one */
SimId weakref_construct(PyRun *I, SimId *a, int n, SimId kw)
{
    bi_args_tuple(I, n);
    if (kw) {
        py_raise(I, EXC_TypeError, "ref() takes no keyword arguments");
        return 0;
    }
    int np = n;
    if (!bi_nargs(I, "__new__", np, 1, 2))
        return 0;
    SimId cb = np == 2 ? a[1] : 0;
    if (cb && sim_kind(S, cb) == SK_NONE)
        cb = 0;
    SimId r = sim_weakref(S, a[0], cb);
    if (!r)
        py_raise(I, EXC_TypeError, "cannot create weak reference to '%s' object", op_typename(I, a[0]));
    return r;
}

static SimId w_getweakrefcount(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)kw;
    if (!bi_nargs(I, "getweakrefcount", n, 1, 1))
        return 0;
    int64_t c = 0;
    for (SimId w = sim_obj(S, a[0])->weaklist; w; w = sim_obj(S, w)->len)
        c++;
    return sim_int(S, c);
}

SimId weakref_call(PyRun *I, SimId wr)
{
    SimId o = SIM_V(S, wr, SK_WEAKREF, weakref.obj);
    if (!o)
        o = S->none;
    sim_incref(S, o);
    return o;
}

const BuiltinDef weakref_functions[] = {
    BUILTIN("getweakrefcount", 0, BM_WEAKREF, w_getweakrefcount, .style = ARGS_ONE),
};
const int weakref_nfunctions = (int)(sizeof weakref_functions / sizeof weakref_functions[0]);

void weakref_module_init(PyRun *I, SimId d)
{
    sim_incref(S, S->types[SK_WEAKREF]);
    bi_dict_put(I, d, "ReferenceType", S->types[SK_WEAKREF]);
    sim_incref(S, S->types[SK_WEAKREF]);
    bi_dict_put(I, d, "ref", S->types[SK_WEAKREF]);
}
