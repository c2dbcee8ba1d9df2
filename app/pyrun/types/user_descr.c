/*
 * user_descr: descriptors written in Python — an instance whose class
 * defines __get__ (a non-data descriptor) or __set__ / __delete__ (a data
 * descriptor) stored in another class — and __set_name__, called for each
 * such value when its class is created (type_new_set_names). The slots
 * call the class's functions unbound, as slot_tp_descr_get and
 * slot_tp_descr_set do: no bound method is made.
 */
#include <stdlib.h>
#include <string.h>

#include "pyrun/types/types.h"

#define S (I->sim)

/* the plain function `name` of v's class, or 0; *bad when it is something
 * else the model does not call */
static SimId slot_fn(PyRun *I, SimId v, const char *name, bool *bad)
{
    if (sim_kind(S, v) != SK_INSTANCE)
        return 0;
    SimId fn = sim_type_lookup(S, sim_obj(S, v)->type, name);
    if (fn && sim_kind(S, fn) != SK_FUNC) {
        *bad = true;
        return 0;
    }
    return fn;
}

int udescr_kind(PyRun *I, SimId d)
{
    if (sim_kind(S, d) != SK_INSTANCE)
        return UDESCR_NONE;
    bool bad = false;
    SimId get = slot_fn(I, d, "__get__", &bad), set = slot_fn(I, d, "__set__", &bad),
          del = slot_fn(I, d, "__delete__", &bad);
    if (bad)
        return UDESCR_REFUSED;
    if (set || del)
        return get ? UDESCR_DATA : UDESCR_DATA_NOGET;
    return get ? UDESCR_NONDATA : UDESCR_NONE;
}

bool udescr_is_data(PyRun *I, SimId d)
{
    int k = udescr_kind(I, d);
    return k == UDESCR_DATA || k == UDESCR_DATA_NOGET || k == UDESCR_REFUSED;
}

SimId udescr_get(PyRun *I, SimId d, SimId obj, SimId type)
{
    if (udescr_kind(I, d) == UDESCR_REFUSED)
        return py_not_modelled(I, 0, "a descriptor whose __get__, __set__ or __delete__ is not a plain function"),
               (SimId)0;
    bool bad = false;
    SimId get = slot_fn(I, d, "__get__", &bad);
    if (!get) { /* a data descriptor without __get__: the descriptor itself */
        sim_incref(S, d);
        return d;
    }
    SimId args[3] = {d, obj ? obj : S->none, type ? type : S->none};
    return vm_call(I, get, args, 3);
}

bool udescr_set(PyRun *I, SimId d, SimId obj, SimId value)
{
    if (udescr_kind(I, d) == UDESCR_REFUSED)
        return py_not_modelled(I, 0, "a descriptor whose __get__, __set__ or __delete__ is not a plain function");
    bool bad = false;
    SimId fn = slot_fn(I, d, value ? "__set__" : "__delete__", &bad);
    if (!fn) {
        py_raise(I, EXC_AttributeError, "%s", value ? "__set__" : "__delete__");
        return false;
    }
    SimId args[3] = {d, obj, value};
    SimId r = vm_call(I, fn, args, value ? 3 : 2);
    sim_xdecref(S, r);
    return r != 0;
}

bool udescr_set_names(PyRun *I, SimId cls, SimId dict)
{
    uint32_t n = sim_obj(S, dict)->len, k = 0, pos = 0;
    SimId *pairs = malloc((2 * (size_t)n + 1) * sizeof *pairs), key, v;
    while (k < n && sim_dict_next(S, dict, &pos, &key, &v)) {
        sim_incref(S, key), sim_incref(S, v); /* the copy's references */
        pairs[2 * k] = key, pairs[2 * k + 1] = v;
        k++;
    }
    bool ok = true;
    for (uint32_t i = 0; i < k && ok; i++) {
        bool bad = false;
        SimId fn = slot_fn(I, pairs[2 * i + 1], "__set_name__", &bad);
        if (bad) {
            ok = py_not_modelled(I, 0, "a __set_name__ that is not a plain function");
            break;
        }
        if (!fn && sim_kind(S, pairs[2 * i + 1]) == SK_PROPERTY) {
            /* property.__set_name__, bound, called with (owner, name): METH_VARARGS */
            sim_incref(S, pairs[2 * i + 1]);
            SimId bound = sim_builtin(S, 0, pairs[2 * i + 1]);
            bi_args_tuple(I, 2);
            sim_decref(S, bound);
            continue;
        }
        if (!fn)
            continue;
        sim_incref(S, fn);
        sim_incref(S, pairs[2 * i + 1]);
        SimId bound = sim_method(S, fn, pairs[2 * i + 1]); /* _PyObject_LookupSpecial binds it */
        SimId args[2] = {cls, pairs[2 * i]};
        SimId r = vm_call(I, bound, args, 2);
        sim_decref(S, bound);
        if (!r) { /* 3.11 wraps it in a RuntimeError, 3.12 adds a note */
            py_err_clear(I);
            ok = py_not_modelled(I, 0, "an exception raised by __set_name__");
        }
        sim_xdecref(S, r);
    }
    for (uint32_t i = 0; i < 2 * k; i++)
        sim_decref(S, pairs[i]);
    free(pairs);
    return ok;
}
