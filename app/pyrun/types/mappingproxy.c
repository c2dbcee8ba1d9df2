/*
 * mappingproxy: Cls.__dict__, a read-only view of a class's dict
 * (Objects/descrobject.c, mappingproxy_*).  Each read of the attribute
 * makes a new proxy (type_dict calls PyDictProxy_New): 40 bytes with its GC
 * header, tracked, holding the dict.  The model keeps it as a dict view of
 * kind SIM_VIEW_PROXY, so len, `in`, iteration (the keys) and getsizeof go
 * the views' way; here are what a proxy adds: indexing, its methods (which
 * CPython forwards to the dict: mapping.keys() ...), its repr and ==.
 */
#include <string.h>

#include "pyrun/builtins.h"
#include "pyrun/types/types.h"

#define S (I->sim)

bool proxy_is(PyRun *I, SimId v) { return sim_kind(S, v) == SK_DICTVIEW && sim_obj(S, v)->sub == SIM_VIEW_PROXY; }

static SimId dict_of(PyRun *I, SimId proxy) { return SIM_V(S, proxy, SK_DICTVIEW, view.dict); }

SimId proxy_new(PyRun *I, SimId dict)
{
    sim_incref(S, dict);
    return sim_dictview(S, dict, SIM_VIEW_PROXY);
}

SimId proxy_getitem(PyRun *I, SimId proxy, SimId key)
{
    if (!py_hashable(I, key))
        return 0;
    SimId v = sim_dict_get(S, dict_of(I, proxy), key);
    if (!v) {
        if (!I->ts->err.set)
            py_raise_key(I, EXC_KeyError, key);
        return 0;
    }
    sim_incref(S, v);
    return v;
}

/* mappingproxy's methods call the dict's of the same name: the dict's
 * method bound to the dict */
SimId proxy_attr(PyRun *I, SimId proxy, const char *name, bool *found)
{
    static const char *const forwarded[] = {"keys", "values", "items", "get", "copy"};
    *found = false;
    for (size_t i = 0; i < sizeof forwarded / sizeof forwarded[0]; i++)
        if (strcmp(name, forwarded[i]) == 0) {
            SimId d = dict_of(I, proxy);
            int idx = builtin_method_index(I, d, name);
            if (idx < 0)
                return 0;
            *found = true;
            sim_incref(S, d);
            return sim_builtin(S, (uint32_t)idx, d);
        }
    return 0;
}

bool proxy_repr(PyRun *I, SimId proxy, Buf *out)
{
    buf_adds(out, "mappingproxy(");
    if (!op_repr(I, dict_of(I, proxy), out))
        return false;
    buf_addc(out, ')');
    return true;
}

/* mappingproxy_richcompare: the dict compared with the other side (a
 * proxy on the other side compares its dict in turn) */
int proxy_equal(PyRun *I, SimId a, SimId b)
{
    SimId x = proxy_is(I, a) ? dict_of(I, a) : a, y = proxy_is(I, b) ? dict_of(I, b) : b;
    return op_equal(I, x, y);
}
