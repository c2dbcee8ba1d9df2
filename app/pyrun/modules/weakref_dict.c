/*
 * weakref_dict: WeakValueDictionary and WeakKeyDictionary.  As in CPython
 * (Lib/weakref.py) a WeakValueDictionary keeps `data`, a dict of key ->
 * KeyedRef(value, remove, key), and a WeakKeyDictionary `data`, a dict of
 * ref(key, remove) -> value; `remove` drops an entry when its referent
 * dies (at once when its refcount falls to zero, at the collection that
 * finds it when it is in a cycle), or defers it to `_pending_removals`
 * while a walk is under way.
 */
#include <stdio.h>

#include "pyrun/modules/weakref_int.h"
#include "pyrun/types/types.h"

#define S (I->sim)

static SimId none(PyRun *I)
{
    sim_incref(S, S->none);
    return S->none;
}

static SimId data_of(PyRun *I, SimId self)
{
    SimId d = wr_attr(I, self, "data");
    if (!d || sim_kind(S, d) != SK_DICT)
        py_raise(I, EXC_AttributeError, "'%s' object has no attribute 'data'", op_typename(I, self));
    return d && sim_kind(S, d) == SK_DICT ? d : 0;
}

/* _commit_removals: the entries whose removal a walk deferred */
static void commit(PyRun *I, SimId self)
{
    SimId p = wr_attr(I, self, "_pending_removals");
    if (p && sim_obj(S, p)->len > 0) {
        wr_guard(I, self); /* the unguard commits them */
        wr_unguard(I, self);
    }
}

/* a key the model can look up in a dict by itself, or the refusal */
static bool plain_key(PyRun *I, SimId key) { return py_hashable(I, key); }

/* ---- WeakValueDictionary ------------------------------------------------------- */

/* KeyedRef(value, remove, key) runs Python code in CPython: the type call's
 * argument tuple, ref.__new__'s own and the slice it passes on (3, 3 and 2
 * items) live through it and end on the tuple free list, where the next
 * KeyedRef finds them (measured: the first `d[k] = v` after a gc.collect()
 * moves the young count by 4, the next ones by 1) */
static void keyed_ref_temporaries(PyRun *I)
{
    SimId a = sim_tuple(S, 3), b = sim_tuple(S, 3), c = sim_tuple(S, 2);
    sim_decref(S, c);
    sim_decref(S, b);
    sim_decref(S, a);
}

static SimId keyed_ref(PyRun *I, SimId self, SimId key, SimId value)
{
    keyed_ref_temporaries(I);
    SimId cb = wr_attr(I, self, "_remove");
    SimId wr = sim__weakref_new(S, value, cb, SIM_WR_KEYED, key);
    if (!wr) {
        wr_cannot(I, value);
        return 0;
    }
    if (S->prof->version == SIM_V311) { /* __init__'s super().__init__: a super object and the
                                          * bound slot wrapper live a moment (3.12 makes neither) */
        SimId sup = sim_super(S), bound = sim_builtin(S, 0, 0);
        sim_decref(S, sup);
        sim_decref(S, bound);
    }
    return wr;
}

static bool wvd_store(PyRun *I, SimId self, SimId data, SimId key, SimId value)
{
    if (!plain_key(I, key))
        return false;
    SimId wr = keyed_ref(I, self, key, value);
    if (!wr)
        return false;
    bool ok = op_setitem(I, data, key, wr);
    sim_decref(S, wr);
    return ok;
}

/* update's items: a mapping's, or a sequence of pairs */
static bool wvd_merge(PyRun *I, SimId self, SimId data, SimId other)
{
    if (sim_kind(S, other) != SK_DICT) {
        if (sim_kind(S, other) == SK_TUPLE && sim_obj(S, other)->len == 0)
            return true;
        return py_not_modelled(I, 0, "WeakValueDictionary.update() from anything but a dict");
    }
    uint32_t pos = 0;
    SimId k, v;
    while (sim_dict_next(S, other, &pos, &k, &v))
        if (!wvd_store(I, self, data, k, v))
            return false;
    return true;
}

SimId wvd_init(PyRun *I, SimId *a, int n, SimId kw)
{
    int nk = kw ? (int)sim_obj(S, kw)->len : 0, np = n - nk - 1;
    if (nk)
        return py_not_modelled(I, 0, "keyword arguments to WeakValueDictionary()"), (SimId)0;
    if (!wr_nargs(I, "WeakValueDictionary.__init__", np, 0, 1, "other"))
        return 0;
    SimId self = a[0];
    wr_set_attr(I, self, "_remove", wr_remover(I, self, "WeakValueDictionary.__init__.<locals>.remove", 2));
    wr_set_attr(I, self, "_pending_removals", sim_list(S, 0));
    wr_set_attr(I, self, "_iterating", sim_set(S));
    wr_set_attr(I, self, "data", sim_dict(S));
    if (np == 1 && !wvd_merge(I, self, wr_attr(I, self, "data"), a[1]))
        return 0;
    return none(I);
}

/* remove(wr): the callback of every KeyedRef the dictionary holds */
SimId wvd_remove(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)kw;
    if (n != 2)
        return none(I);
    SimId self = wr_remover_owner(I, a[0]), wr = a[1];
    if (!self)
        return none(I);
    SimId it = wr_attr(I, self, "_iterating"), p = wr_attr(I, self, "_pending_removals");
    if (it && sim_obj(S, it)->len > 0 && p) {
        sim_incref(S, wr);
        sim_list_append(S, p, wr);
        return none(I);
    }
    SimId data = wr_attr(I, self, "data");
    if (data && sim_kind(S, wr) == SK_WEAKREF && sim_obj(S, wr)->sub == SIM_WR_KEYED) {
        SimId key = sim_items(S, wr)[0];
        if (sim_dict_get(S, data, key) == wr) /* _remove_dead_weakref */
            sim_dict_del(S, data, key);
    }
    return none(I);
}

/* the live value under key (borrowed), 0 when absent or dead */
static SimId wvd_lookup(PyRun *I, SimId data, SimId key)
{
    SimId wr = sim_dict_get(S, data, key);
    return wr && sim_kind(S, wr) == SK_WEAKREF ? SIM_V(S, wr, SK_WEAKREF, weakref.obj) : 0;
}

#define SELF_DATA(qual, min, max, first)                                                                   \
    (void)kw;                                                                                              \
    if (!wr_nargs(I, qual, n - 1, min, max, first))                                                        \
        return 0;                                                                                          \
    SimId self = a[0], data = data_of(I, self);                                                            \
    if (!data)                                                                                             \
        return 0;                                                                                          \
    commit(I, self)

SimId wvd_getitem(PyRun *I, SimId *a, int n, SimId kw)
{
    SELF_DATA("WeakValueDictionary.__getitem__", 1, 1, "key");
    if (!plain_key(I, a[1]))
        return 0;
    SimId o = wvd_lookup(I, data, a[1]);
    if (!o) {
        py_raise_key(I, EXC_KeyError, a[1]);
        return 0;
    }
    sim_incref(S, o);
    return o;
}

SimId wvd_setitem(PyRun *I, SimId *a, int n, SimId kw)
{
    SELF_DATA("WeakValueDictionary.__setitem__", 2, 2, "key");
    return wvd_store(I, self, data, a[1], a[2]) ? none(I) : 0;
}

SimId wvd_delitem(PyRun *I, SimId *a, int n, SimId kw)
{
    SELF_DATA("WeakValueDictionary.__delitem__", 1, 1, "key");
    return plain_key(I, a[1]) && op_delitem(I, data, a[1]) ? none(I) : 0;
}

SimId wvd_contains(PyRun *I, SimId *a, int n, SimId kw)
{
    SELF_DATA("WeakValueDictionary.__contains__", 1, 1, "key");
    if (!plain_key(I, a[1]))
        return 0;
    return sim_bool(S, wvd_lookup(I, data, a[1]) != 0);
}

SimId wvd_len(PyRun *I, SimId *a, int n, SimId kw)
{
    SELF_DATA("WeakValueDictionary.__len__", 0, 0, "");
    return sim_int(S, sim_obj(S, data)->len);
}

SimId wvd_get(PyRun *I, SimId *a, int n, SimId kw)
{
    SELF_DATA("WeakValueDictionary.get", 1, 2, "key");
    if (!plain_key(I, a[1]))
        return 0;
    SimId o = wvd_lookup(I, data, a[1]);
    if (!o)
        o = n > 2 ? a[2] : S->none;
    sim_incref(S, o);
    return o;
}

SimId wvd_pop(PyRun *I, SimId *a, int n, SimId kw)
{
    SELF_DATA("WeakValueDictionary.pop", 1, 2, "key");
    if (!plain_key(I, a[1]))
        return 0;
    SimId o = wvd_lookup(I, data, a[1]);
    if (o)
        sim_incref(S, o);
    if (sim_dict_get(S, data, a[1]))
        sim_dict_del(S, data, a[1]);
    if (o)
        return o;
    if (n > 2) {
        sim_incref(S, a[2]);
        return a[2];
    }
    py_raise_key(I, EXC_KeyError, a[1]);
    return 0;
}

SimId wvd_setdefault(PyRun *I, SimId *a, int n, SimId kw)
{
    SELF_DATA("WeakValueDictionary.setdefault", 1, 2, "key");
    if (!plain_key(I, a[1]))
        return 0;
    SimId o = wvd_lookup(I, data, a[1]);
    if (!o) {
        o = n > 2 ? a[2] : S->none;
        if (!wvd_store(I, self, data, a[1], o))
            return 0;
    }
    sim_incref(S, o);
    return o;
}

SimId wvd_update(PyRun *I, SimId *a, int n, SimId kw)
{
    if (kw)
        return py_not_modelled(I, 0, "keyword arguments to WeakValueDictionary.update()"), (SimId)0;
    SELF_DATA("WeakValueDictionary.update", 0, 1, "other");
    if (n > 1 && sim_kind(S, a[1]) != SK_NONE && !wvd_merge(I, self, data, a[1]))
        return 0;
    return none(I);
}

/* "<WeakValueDictionary at 0x...>": the class's name and id() */
SimId wvd_repr(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)kw, (void)n;
    char buf[160];
    int len = snprintf(buf, sizeof buf, "<%s at %#llx>", sim_type_name(S, a[0]),
                       (unsigned long long)sim_id_address(S, a[0]));
    return sim_str(S, buf, (size_t)len);
}

/* ---- WeakKeyDictionary ------------------------------------------------------------ */

/* the ref in data whose referent is key (borrowed), or 0: CPython finds it
 * by ref(key)'s hash and ==, which for these keys is identity */
static SimId wkd_find(PyRun *I, SimId data, SimId key)
{
    uint32_t pos = 0;
    SimId k, v;
    while (sim_dict_next(S, data, &pos, &k, &v))
        if (sim_kind(S, k) == SK_WEAKREF && SIM_V(S, k, SK_WEAKREF, weakref.obj) == key)
            return k;
    return 0;
}

/* ref(key): the temporary reference CPython makes for a lookup (the shared
 * basic one), or 0 with CPython's error */
static SimId temp_ref(PyRun *I, SimId key)
{
    if (sim_kind(S, key) == SK_INSTANCE && dunder_defines(I, key, "__eq__"))
        return py_not_modelled(I, 0, "a WeakKeyDictionary key whose class defines __eq__"), (SimId)0;
    SimId r = sim_weakref(S, key, 0);
    if (!r)
        wr_cannot(I, key);
    return r;
}

static bool wkd_put(PyRun *I, SimId self, SimId data, SimId key, SimId value, bool keep)
{
    SimId cb = wr_attr(I, self, "_remove");
    if (sim_kind(S, key) == SK_INSTANCE && dunder_defines(I, key, "__eq__"))
        return py_not_modelled(I, 0, "a WeakKeyDictionary key whose class defines __eq__");
    SimId wr = sim_weakref(S, key, cb);
    if (!wr) {
        wr_cannot(I, key);
        return false;
    }
    SimId old = wkd_find(I, data, key);
    if (old && keep) { /* setdefault: the entry stays as it is */
        sim_decref(S, wr);
        return true;
    }
    sim_incref(S, value);
    if (old && old != wr) { /* the dict keeps its key: the new ref goes */
        sim_incref(S, old);
        sim_dict_set(S, data, old, value);
        sim_decref(S, wr);
    } else {
        sim_dict_set(S, data, wr, value);
    }
    return true;
}

static bool wkd_store(PyRun *I, SimId self, SimId data, SimId key, SimId value)
{
    return wkd_put(I, self, data, key, value, false);
}

static bool wkd_store_new(PyRun *I, SimId self, SimId data, SimId key, SimId value)
{
    return wkd_put(I, self, data, key, value, true);
}

SimId wkd_init(PyRun *I, SimId *a, int n, SimId kw)
{
    if (kw)
        return py_not_modelled(I, 0, "keyword arguments to WeakKeyDictionary()"), (SimId)0;
    if (!wr_nargs(I, "WeakKeyDictionary.__init__", n - 1, 0, 1, "dict"))
        return 0;
    SimId self = a[0];
    wr_set_attr(I, self, "data", sim_dict(S));
    wr_set_attr(I, self, "_remove", wr_remover(I, self, "WeakKeyDictionary.__init__.<locals>.remove", 1));
    wr_set_attr(I, self, "_pending_removals", sim_list(S, 0));
    wr_set_attr(I, self, "_iterating", sim_set(S));
    wr_set_attr(I, self, "_dirty_len", sim_bool(S, false));
    if (n > 1 && sim_kind(S, a[1]) != SK_NONE) {
        SimId args[2] = {self, a[1]};
        SimId r = wkd_update(I, args, 2, 0);
        if (!r)
            return 0;
        sim_decref(S, r);
    }
    return none(I);
}

SimId wkd_remove(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)kw;
    if (n != 2)
        return none(I);
    SimId self = wr_remover_owner(I, a[0]), k = a[1];
    if (!self)
        return none(I);
    SimId it = wr_attr(I, self, "_iterating"), p = wr_attr(I, self, "_pending_removals");
    if (it && sim_obj(S, it)->len > 0 && p) {
        sim_incref(S, k);
        sim_list_append(S, p, k);
        return none(I);
    }
    SimId data = wr_attr(I, self, "data");
    if (data)
        sim_dict_del(S, data, k);
    return none(I);
}

#define WKD(qual, min, max, first)                                                                         \
    (void)kw;                                                                                              \
    if (!wr_nargs(I, qual, n - 1, min, max, first))                                                        \
        return 0;                                                                                          \
    SimId self = a[0], data = data_of(I, self);                                                            \
    if (!data)                                                                                             \
        return 0

SimId wkd_getitem(PyRun *I, SimId *a, int n, SimId kw)
{
    WKD("WeakKeyDictionary.__getitem__", 1, 1, "key");
    SimId r = temp_ref(I, a[1]);
    if (!r)
        return 0;
    SimId k = wkd_find(I, data, a[1]);
    SimId v = k ? sim_dict_get(S, data, k) : 0;
    if (v)
        sim_incref(S, v);
    else
        py_raise_key(I, EXC_KeyError, r);
    sim_decref(S, r);
    return v;
}

SimId wkd_setitem(PyRun *I, SimId *a, int n, SimId kw)
{
    WKD("WeakKeyDictionary.__setitem__", 2, 2, "key");
    return wkd_store(I, self, data, a[1], a[2]) ? none(I) : 0;
}

SimId wkd_delitem(PyRun *I, SimId *a, int n, SimId kw)
{
    WKD("WeakKeyDictionary.__delitem__", 1, 1, "key");
    wr_set_attr(I, self, "_dirty_len", sim_bool(S, true));
    SimId r = temp_ref(I, a[1]);
    if (!r)
        return 0;
    SimId k = wkd_find(I, data, a[1]);
    if (k)
        sim_dict_del(S, data, k);
    else
        py_raise_key(I, EXC_KeyError, r);
    sim_decref(S, r);
    return k ? none(I) : 0;
}

SimId wkd_contains(PyRun *I, SimId *a, int n, SimId kw)
{
    WKD("WeakKeyDictionary.__contains__", 1, 1, "key");
    SimId r = sim_weakref(S, a[1], 0); /* a TypeError there means "not in it" */
    if (!r)
        return sim_bool(S, false);
    bool in = wkd_find(I, data, a[1]) != 0;
    sim_decref(S, r);
    return sim_bool(S, in);
}

SimId wkd_len(PyRun *I, SimId *a, int n, SimId kw)
{
    WKD("WeakKeyDictionary.__len__", 0, 0, "");
    SimId p = wr_attr(I, self, "_pending_removals");
    SimId dirty = wr_attr(I, self, "_dirty_len");
    if (dirty == S->true_ && p && sim_obj(S, p)->len > 0) /* _scrub_removals */
        return py_not_modelled(I, 0, "len() of a WeakKeyDictionary after a deletion during a walk"), (SimId)0;
    return sim_int(S, (int64_t)sim_obj(S, data)->len - (p ? (int64_t)sim_obj(S, p)->len : 0));
}

SimId wkd_get(PyRun *I, SimId *a, int n, SimId kw)
{
    WKD("WeakKeyDictionary.get", 1, 2, "key");
    SimId r = temp_ref(I, a[1]);
    if (!r)
        return 0;
    SimId k = wkd_find(I, data, a[1]);
    SimId v = k ? sim_dict_get(S, data, k) : (n > 2 ? a[2] : S->none);
    sim_incref(S, v);
    sim_decref(S, r);
    return v;
}

SimId wkd_pop(PyRun *I, SimId *a, int n, SimId kw)
{
    WKD("WeakKeyDictionary.pop", 1, 2, "key");
    wr_set_attr(I, self, "_dirty_len", sim_bool(S, true));
    SimId r = temp_ref(I, a[1]);
    if (!r)
        return 0;
    SimId k = wkd_find(I, data, a[1]);
    SimId v = k ? sim_dict_get(S, data, k) : (n > 2 ? a[2] : 0);
    if (v)
        sim_incref(S, v);
    if (k)
        sim_dict_del(S, data, k);
    else if (!v)
        py_raise_key(I, EXC_KeyError, r);
    sim_decref(S, r);
    return v;
}

SimId wkd_update(PyRun *I, SimId *a, int n, SimId kw)
{
    if (kw)
        return py_not_modelled(I, 0, "keyword arguments to WeakKeyDictionary.update()"), (SimId)0;
    WKD("WeakKeyDictionary.update", 0, 1, "dict");
    if (n < 2 || sim_kind(S, a[1]) == SK_NONE)
        return none(I);
    if (sim_kind(S, a[1]) != SK_DICT)
        return py_not_modelled(I, 0, "WeakKeyDictionary.update() from anything but a dict"), (SimId)0;
    uint32_t pos = 0;
    SimId k, v;
    while (sim_dict_next(S, a[1], &pos, &k, &v))
        if (!wkd_store(I, self, data, k, v))
            return 0;
    return none(I);
}

SimId wkd_setdefault(PyRun *I, SimId *a, int n, SimId kw)
{
    WKD("WeakKeyDictionary.setdefault", 1, 2, "key");
    SimId dflt = n > 2 ? a[2] : S->none;
    if (!wkd_store_new(I, self, data, a[1], dflt))
        return 0;
    SimId v = sim_dict_get(S, data, wkd_find(I, data, a[1]));
    sim_incref(S, v);
    return v;
}
