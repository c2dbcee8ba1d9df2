/*
 * collections_chainops: ChainMap.fromkeys and the | operators as
 * Lib/collections/__init__.py writes them (3.11-3.13): fromkeys is
 * cls(dict.fromkeys(iterable, *args)); a | b copies a (self.copy()) and
 * updates the copy's first map; a |= b updates a's first map; b | a (b a
 * Mapping that is not a ChainMap) makes dict(b), updates it from each map
 * of a, the last first, and calls a's class on it.  An operand that is
 * not a Mapping gives NotImplemented (an instance of a class is refused:
 * collections.abc.Mapping's registrations).
 */
#include "pyrun/interp.h"
#include "pyrun/modules/collections_chainmap_int.h"
#include "pyrun/types/types.h"

#define S (I->sim)

/* isinstance(other, Mapping): 1, 0, -1 refused (a class's instance) */
static int is_mapping(PyRun *I, SimId v)
{
    if (cm_walkable(I, v))
        return 1;
    if (sim_kind(S, v) == SK_INSTANCE && !sim_is_subinst(S, v) && !sim_is_native(S, v))
        return py_not_modelled(I, 0, "a ChainMap | an instance of a class (collections.abc.Mapping's "
                                     "registrations)") ? 0 : -1;
    return 0;
}

/* __or__: m = self.copy(); m.maps[0].update(other); __ior__: self.maps[0].update(other) */
static SimId or_op(PyRun *I, SimId *a, int n, SimId kw, bool inplace)
{
    chainmap_note(I);
    if (n != 2 || kw)
        return py_not_modelled(I, 0, "these arguments to ChainMap.__or__()"), (SimId)0;
    int ok = inplace ? 1 : is_mapping(I, a[1]);
    if (ok <= 0) {
        if (ok == 0)
            sim_incref(S, S->notimpl);
        return ok == 0 ? S->notimpl : 0;
    }
    SimId m = inplace ? (sim_incref(S, a[0]), a[0]) : cm_call_method(I, a[0], "copy", NULL, 0);
    SimId m0 = m ? cm_first_map(I, m) : 0, r = m0 ? cm_call_method(I, m0, "update", &a[1], 1) : 0;
    if (!r) {
        sim_xdecref(S, m);
        return 0;
    }
    sim_decref(S, r);
    return m;
}

SimId cm_or(PyRun *I, SimId *a, int n, SimId kw) { return or_op(I, a, n, kw, false); }
SimId cm_ior(PyRun *I, SimId *a, int n, SimId kw) { return or_op(I, a, n, kw, true); }

/* __ror__: m = dict(other); m.update(child) for each map from the last; self.__class__(m) */
SimId cm_ror(PyRun *I, SimId *a, int n, SimId kw)
{
    chainmap_note(I);
    if (n != 2 || kw)
        return py_not_modelled(I, 0, "these arguments to ChainMap.__ror__()"), (SimId)0;
    int ok = is_mapping(I, a[1]);
    if (ok <= 0) {
        if (ok == 0)
            sim_incref(S, S->notimpl);
        return ok == 0 ? S->notimpl : 0;
    }
    SimId maps = cm_maps_of(I, a[0]), m = maps ? cm_as_dict(I, a[1]) : 0;
    for (uint32_t i = maps && m ? sim_obj(S, maps)->len : 0; i-- > 0;) {
        SimId child = sim_items(S, maps)[i], part = cm_walkable(I, child) ? cm_as_dict(I, child) : 0;
        if (!part) {
            if (!I->ts->err.set && !I->refused)
                py_not_modelled(I, 0, "ChainMap.__ror__() over a map that is a %s", op_typename(I, child));
            sim_decref(S, m);
            return 0;
        }
        uint32_t pos = 0;
        for (SimId k, v; sim_dict_next(S, part, &pos, &k, &v);)
            if (!op_setitem(I, m, k, v)) {
                sim_decref(S, part);
                sim_decref(S, m);
                return 0;
            }
        sim_decref(S, part);
    }
    if (!m)
        return 0;
    SimId r = cm_new_like(I, a[0], &m, 1);
    sim_decref(S, m);
    return r;
}

/* fromkeys(cls, iterable, *args), a classmethod: cls(dict.fromkeys(iterable, *args)) */
SimId cm_fromkeys(PyRun *I, SimId *a, int n, SimId kw)
{
    chainmap_note(I);
    if (kw || n < 2 || n > 3)
        return py_not_modelled(I, 0, "these arguments to ChainMap.fromkeys()"), (SimId)0;
    SimId keys = bi_list_from(I, a[1]);
    if (!keys)
        return 0;
    SimId d = sim_dict(S), v = n > 2 ? a[2] : S->none;
    for (uint32_t i = 0; i < sim_obj(S, keys)->len; i++)
        if (!op_setitem(I, d, sim_items(S, keys)[i], v)) {
            sim_decref(S, keys);
            sim_decref(S, d);
            return 0;
        }
    sim_decref(S, keys);
    SimId r = vm_call(I, a[0], &d, 1);
    sim_decref(S, d);
    return r;
}

