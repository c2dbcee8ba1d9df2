/*
 * weakref_set: WeakSet (Lib/_weakrefset.py: `data`, a set of
 * ref(item, _remove)) and finalize (Lib/weakref.py: a slotted object whose
 * record — the ref to its object with itself as the callback, the function,
 * its arguments, `atexit`, an index — lives in the class's `_registry`;
 * called once, by the collector, by the program, or at exit for those
 * still alive with atexit set, newest first).
 */
#include <string.h>

#include <stdio.h>

#include "pyrun/modules/weakref_int.h"
#include "pyrun/types/types.h"

#define S (I->sim)

static SimId none(PyRun *I)
{
    sim_incref(S, S->none);
    return S->none;
}

/* ---- WeakSet -------------------------------------------------------------------- */

static SimId set_data(PyRun *I, SimId self)
{
    SimId d = wr_attr(I, self, "data");
    if (!d || sim_kind(S, d) != SK_SET) {
        py_raise(I, EXC_AttributeError, "'%s' object has no attribute 'data'", op_typename(I, self));
        return 0;
    }
    return d;
}

/* the ref in data to item (borrowed), or 0 (identity: see wkd_find) */
static SimId ws_find(PyRun *I, SimId data, SimId item)
{
    SimObj *o = sim_obj(S, data);
    for (uint32_t i = 0; i < o->v.set.slots; i++) {
        SimId k = sim_items(S, data)[i];
        if (k && sim_kind(S, k) == SK_WEAKREF && SIM_V(S, k, SK_WEAKREF, weakref.obj) == item)
            return k;
    }
    return 0;
}

static bool eq_refused(PyRun *I, SimId item)
{
    if (sim_kind(S, item) == SK_INSTANCE && dunder_defines(I, item, "__eq__"))
        return !py_not_modelled(I, 0, "a WeakSet item whose class defines __eq__");
    return false;
}

static void ws_commit(PyRun *I, SimId self)
{
    SimId p = wr_attr(I, self, "_pending_removals");
    if (p && sim_obj(S, p)->len > 0) {
        wr_guard(I, self);
        wr_unguard(I, self);
    }
}

static bool ws_add_one(PyRun *I, SimId self, SimId data, SimId item)
{
    if (eq_refused(I, item))
        return false;
    SimId wr = sim_weakref(S, item, wr_attr(I, self, "_remove"));
    if (!wr) {
        wr_cannot(I, item);
        return false;
    }
    if (ws_find(I, data, item)) /* already there: the new ref goes */
        sim_decref(S, wr);
    else
        sim_set_add(S, data, wr);
    return true;
}

SimId ws_init(PyRun *I, SimId *a, int n, SimId kw)
{
    if (kw)
        return py_not_modelled(I, 0, "keyword arguments to WeakSet()"), (SimId)0;
    if (!wr_nargs(I, "WeakSet.__init__", n - 1, 0, 1, "data"))
        return 0;
    SimId self = a[0];
    wr_set_attr(I, self, "data", sim_set(S));
    wr_set_attr(I, self, "_remove", wr_remover(I, self, "WeakSet.__init__.<locals>._remove", 1));
    wr_set_attr(I, self, "_pending_removals", sim_list(S, 0));
    wr_set_attr(I, self, "_iterating", sim_set(S));
    if (n > 1 && sim_kind(S, a[1]) != SK_NONE) {
        SimId items = bi_list_from(I, a[1]);
        if (!items)
            return 0;
        SimId data = wr_attr(I, self, "data");
        for (uint32_t i = 0; i < sim_obj(S, items)->len; i++)
            if (!ws_add_one(I, self, data, sim_items(S, items)[i])) {
                sim_decref(S, items);
                return 0;
            }
        sim_decref(S, items);
    }
    return none(I);
}

SimId ws_remove_cb(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)kw;
    if (n != 2)
        return none(I);
    SimId self = wr_remover_owner(I, a[0]);
    if (!self)
        return none(I);
    SimId it = wr_attr(I, self, "_iterating"), p = wr_attr(I, self, "_pending_removals");
    if (it && sim_obj(S, it)->len > 0 && p) {
        sim_incref(S, a[1]);
        sim_list_append(S, p, a[1]);
        return none(I);
    }
    SimId data = wr_attr(I, self, "data");
    if (data)
        sim_set_discard(S, data, a[1]);
    return none(I);
}

#define WS(qual, min, max, first)                                                                          \
    (void)kw;                                                                                              \
    if (!wr_nargs(I, qual, n - 1, min, max, first))                                                        \
        return 0;                                                                                          \
    SimId self = a[0], data = set_data(I, self);                                                           \
    if (!data)                                                                                             \
        return 0

SimId ws_add(PyRun *I, SimId *a, int n, SimId kw)
{
    WS("WeakSet.add", 1, 1, "item");
    ws_commit(I, self);
    return ws_add_one(I, self, data, a[1]) ? none(I) : 0;
}

static SimId ws_drop(PyRun *I, SimId self, SimId data, SimId item, bool must)
{
    ws_commit(I, self);
    if (eq_refused(I, item))
        return 0;
    SimId r = sim_weakref(S, item, 0);
    if (!r) {
        wr_cannot(I, item);
        return 0;
    }
    SimId k = ws_find(I, data, item);
    if (k)
        sim_set_discard(S, data, k);
    else if (must)
        py_raise_key(I, EXC_KeyError, r);
    sim_decref(S, r);
    return k || !must ? none(I) : 0;
}

SimId ws_discard(PyRun *I, SimId *a, int n, SimId kw)
{
    WS("WeakSet.discard", 1, 1, "item");
    return ws_drop(I, self, data, a[1], false);
}

SimId ws_remove(PyRun *I, SimId *a, int n, SimId kw)
{
    WS("WeakSet.remove", 1, 1, "item");
    return ws_drop(I, self, data, a[1], true);
}

SimId ws_contains(PyRun *I, SimId *a, int n, SimId kw)
{
    WS("WeakSet.__contains__", 1, 1, "item");
    SimId r = sim_weakref(S, a[1], 0);
    if (!r)
        return sim_bool(S, false);
    bool in = ws_find(I, data, a[1]) != 0;
    sim_decref(S, r);
    return sim_bool(S, in);
}

SimId ws_len(PyRun *I, SimId *a, int n, SimId kw)
{
    WS("WeakSet.__len__", 0, 0, "");
    SimId p = wr_attr(I, self, "_pending_removals");
    return sim_int(S, (int64_t)sim_obj(S, data)->len - (p ? (int64_t)sim_obj(S, p)->len : 0));
}

/* CPython walks the set in the order of its table, which follows the
 * objects' addresses: the model keeps its own order, so it walks only a
 * set of one live item */
static bool order_known(PyRun *I, SimId data, const char *what)
{
    uint32_t live = 0;
    for (uint32_t i = 0; i < sim_obj(S, data)->v.set.slots; i++) {
        SimId k = sim_items(S, data)[i];
        live += k && sim_kind(S, k) == SK_WEAKREF && SIM_V(S, k, SK_WEAKREF, weakref.obj);
    }
    if (live <= 1)
        return true;
    return py_not_modelled(I, 0, "%s a WeakSet of more than one item (CPython's order follows the "
                           "objects' addresses)", what);
}

SimId ws_iter(PyRun *I, SimId *a, int n, SimId kw)
{
    WS("WeakSet.__iter__", 0, 0, "");
    return order_known(I, data, "iterating over") ? wr_gen_new(I, self, 0) : 0;
}

SimId ws_repr(PyRun *I, SimId *a, int n, SimId kw)
{
    WS("WeakSet.__repr__", 0, 0, "");
    if (!order_known(I, data, "the repr of"))
        return 0;
    Buf b = {0};
    if (!op_repr(I, data, &b)) {
        buf_fini(&b);
        return 0;
    }
    SimId s = sim_str(S, buf_str(&b), b.len);
    buf_fini(&b);
    return s;
}

/* ---- finalize -------------------------------------------------------------------- */

/* the record of a finalizer: [ref, func, args, kwargs, atexit, index] (a
 * list standing for CPython's slotted _Info) */
enum { INFO_REF, INFO_FUNC, INFO_ARGS, INFO_KWARGS, INFO_ATEXIT, INFO_INDEX, INFO_N };

static SimId fin_class_dict(PyRun *I)
{
    SimId c = wr_class(I, "finalize");
    return c ? SIM_V(S, c, SK_TYPE, type.dict) : 0;
}

static SimId registry(PyRun *I)
{
    SimId d = fin_class_dict(I);
    return d ? sim_dict_get_str(S, d, "_registry") : 0;
}

static SimId info_of(PyRun *I, SimId f)
{
    SimId r = registry(I);
    return r ? sim_dict_get(S, r, f) : 0;
}

static SimId info_obj(PyRun *I, SimId info)
{
    SimId wr = info ? sim_items(S, info)[INFO_REF] : 0;
    return wr ? SIM_V(S, wr, SK_WEAKREF, weakref.obj) : 0;
}

void fin_add_properties(PyRun *I, SimId cls)
{
    if (!cls)
        return;
    SimId d = SIM_V(S, cls, SK_TYPE, type.dict);
    bi_dict_put(I, d, "_registry", sim_dict(S));
    bi_dict_put(I, d, "_shutdown", sim_bool(S, false));
    bi_dict_put(I, d, "_index", sim_int(S, 0));
}

SimId fin_init(PyRun *I, SimId *a, int n, SimId kw)
{
    int nk = kw ? (int)sim_obj(S, kw)->len : 0, np = n - nk - 1;
    if (!wr_nargs(I, "finalize.__init__", np, 2, -1, np == 0 ? "obj" : "func"))
        return 0;
    SimId self = a[0], obj = a[1];
    SimId reg = registry(I), cd = fin_class_dict(I);
    if (!reg)
        return 0;
    SimId info = sim_list(S, INFO_N);
    SimId wr = sim_weakref(S, obj, self);
    if (!wr) {
        sim_decref(S, info);
        wr_cannot(I, obj);
        return 0;
    }
    SimId args = sim_tuple(S, (size_t)(np - 2));
    for (int i = 0; i < np - 2; i++) {
        sim_incref(S, a[3 + i]);
        sim_tuple_set(S, args, (size_t)i, a[3 + i]);
    }
    SimId kwargs = S->none;
    sim_incref(S, kwargs);
    if (nk) {
        sim_decref(S, kwargs);
        kwargs = sim_dict(S);
        for (int i = 0; i < nk; i++) {
            SimId k = sim_items(S, kw)[i], v = a[1 + np + i];
            sim_incref(S, k);
            sim_incref(S, v);
            sim_dict_set(S, kwargs, k, v);
        }
    }
    SimId index = sim_dict_get_str(S, cd, "_index");
    int64_t next = index ? sim_obj(S, index)->v.i : 0;
    sim_incref(S, a[2]);
    SimId parts[INFO_N] = {wr, a[2], args, kwargs, sim_bool(S, true), sim_int(S, next)};
    for (int i = 0; i < INFO_N; i++)
        sim_items(S, info)[i] = parts[i];
    bi_dict_put(I, cd, "_index", sim_int(S, next + 1));
    sim_incref(S, self);
    sim_dict_set(S, reg, self, info);
    return none(I);
}

/* __call__(_=None): pops the record and calls func once (not after exit) */
SimId fin_call(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)kw;
    if (!wr_nargs(I, "finalize.__call__", n - 1, 0, 1, "_"))
        return 0;
    SimId reg = registry(I), info = info_of(I, a[0]);
    if (!info)
        return none(I);
    sim_incref(S, info);
    sim_dict_del(S, reg, a[0]);
    SimId shut = sim_dict_get_str(S, fin_class_dict(I), "_shutdown");
    SimId r;
    if (shut == S->true_) {
        r = none(I);
    } else {
        SimId *items = sim_items(S, info);
        SimId fargs = items[INFO_ARGS], kwargs = items[INFO_KWARGS];
        uint32_t na = sim_obj(S, fargs)->len;
        if (kwargs != S->none && sim_obj(S, kwargs)->len > 0)
            r = (py_not_modelled(I, 0, "keyword arguments kept by weakref.finalize"), (SimId)0);
        else
            r = vm_call(I, items[INFO_FUNC], na ? sim_items(S, fargs) : NULL, (int)na);
    }
    sim_decref(S, info);
    return r;
}

/* (obj, func, args, kwargs) while the object lives; detach also unregisters */
static SimId fin_tuple(PyRun *I, SimId f, bool detach)
{
    SimId info = info_of(I, f), obj = info_obj(I, info);
    if (!obj)
        return none(I);
    SimId *items = sim_items(S, info);
    SimId kwargs = items[INFO_KWARGS];
    SimId parts[4] = {obj, items[INFO_FUNC], items[INFO_ARGS], kwargs}; /* read before the tuple moves them */
    SimId t = sim_tuple(S, 4);
    for (int i = 0; i < 3; i++) {
        sim_incref(S, parts[i]);
        sim_tuple_set(S, t, (size_t)i, parts[i]);
    }
    if (kwargs == S->none)
        kwargs = sim_dict(S);
    else
        sim_incref(S, kwargs);
    sim_tuple_set(S, t, 3, kwargs);
    if (detach)
        sim_dict_del(S, registry(I), f);
    return t;
}

SimId fin_detach(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)kw;
    return wr_nargs(I, "finalize.detach", n - 1, 0, 0, "") ? fin_tuple(I, a[0], true) : 0;
}

SimId fin_peek(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)kw;
    return wr_nargs(I, "finalize.peek", n - 1, 0, 0, "") ? fin_tuple(I, a[0], false) : 0;
}

SimId fin_repr(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)kw, (void)n;
    SimId obj = info_obj(I, info_of(I, a[0]));
    char buf[200];
    int len;
    if (!obj)
        len = snprintf(buf, sizeof buf, "<%s object at %#llx; dead>", sim_type_name(S, a[0]),
                       (unsigned long long)sim_id_address(S, a[0]));
    else
        len = snprintf(buf, sizeof buf, "<%s object at %#llx; for '%s' at %#llx>", sim_type_name(S, a[0]),
                       (unsigned long long)sim_id_address(S, a[0]), sim_type_name(S, obj),
                       (unsigned long long)sim_id_address(S, obj));
    return sim_str(S, buf, (size_t)len);
}

SimId fin_attr(PyRun *I, SimId f, const char *name, bool *found)
{
    *found = true;
    if (strcmp(name, "alive") == 0)
        return sim_bool(S, info_of(I, f) != 0);
    if (strcmp(name, "atexit") == 0) {
        SimId info = info_of(I, f);
        return sim_bool(S, info && sim_items(S, info)[INFO_ATEXIT] == S->true_);
    }
    *found = false;
    return 0;
}

bool fin_set_atexit(PyRun *I, SimId f, SimId value)
{
    SimId info = info_of(I, f);
    if (!info)
        return true;
    int t = op_truth(I, value);
    if (t < 0)
        return false;
    SimId *items = sim_items(S, info);
    sim_decref(S, items[INFO_ATEXIT]);
    items[INFO_ATEXIT] = sim_bool(S, t);
    return true;
}

/* _exitfunc: the finalizers still alive with atexit set, newest first, the
 * collector disabled meanwhile; after it no finalizer runs */
void weakref_at_exit(PyRun *I)
{
    SimId reg = registry(I), cd = fin_class_dict(I);
    if (!reg || sim_obj(S, reg)->len == 0)
        return;
    bool enabled = S->gc.enabled;
    S->gc.enabled = false;
    for (;;) {
        SimId best = 0;
        int64_t best_index = -1;
        uint32_t pos = 0;
        SimId k, v;
        while (sim_dict_next(S, reg, &pos, &k, &v)) {
            int64_t idx = sim_obj(S, sim_items(S, v)[INFO_INDEX])->v.i;
            if (sim_items(S, v)[INFO_ATEXIT] == S->true_ && idx > best_index) {
                best = k;
                best_index = idx;
            }
        }
        if (!best)
            break;
        sim_incref(S, best);
        SimId r = vm_call(I, best, NULL, 0);
        sim_decref(S, best);
        if (!r) { /* CPython prints it with sys.excepthook and goes on */
            if (!I->refused)
                py_not_modelled(I, 0, "an exception in a weakref.finalize callback at exit");
            break;
        }
        sim_decref(S, r);
    }
    bi_dict_put(I, cd, "_shutdown", sim_bool(S, true));
    S->gc.enabled = enabled;
}
