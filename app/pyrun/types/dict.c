/*
 * dict: the dict type's behaviour — its methods, views and constructor.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pyrun/builtins.h"
#include "pyrun/modules/collections.h"
#include "pyrun/types/types.h"

#define S (I->sim)

bool dict_check_key(PyRun *I, SimId k)
{
    return py_hashable(I, k);
}

SimId dict_get_fn(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)kw;
    if (!bi_nargs(I, "get", n - 1, 1, 2) || !dict_check_key(I, a[1]))
        return 0;
    SimId v = sim_dict_get(S, a[0], a[1]);
    if (!v)
        v = n == 3 ? a[2] : S->none;
    sim_incref(S, v);
    return v;
}

static SimId d_view(PyRun *I, SimId *a, int n, int view)
{
    if (!bi_nargs(I, view == SIM_VIEW_KEYS ? "keys" : view == SIM_VIEW_VALUES ? "values" : "items", n - 1, 0, 0))
        return 0;
    sim_incref(S, a[0]);
    return sim_dictview(S, a[0], view);
}

static SimId d_keys(PyRun *I, SimId *a, int n, SimId kw) { (void)kw; return d_view(I, a, n, SIM_VIEW_KEYS); }

static SimId d_values(PyRun *I, SimId *a, int n, SimId kw) { (void)kw; return d_view(I, a, n, SIM_VIEW_VALUES); }

static SimId d_items(PyRun *I, SimId *a, int n, SimId kw) { (void)kw; return d_view(I, a, n, SIM_VIEW_ITEMS); }

static SimId d_pop(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)kw;
    if (!bi_nargs(I, "pop", n - 1, 1, 2) || !dict_check_key(I, a[1]))
        return 0;
    SimId v = sim_dict_pop(S, a[0], a[1]); /* one lookup, as _PyDict_Pop */
    if (!v) {
        if (I->ts->err.set) /* a program's __eq__ raised */
            return 0;
        if (n == 3) {
            sim_incref(S, a[2]);
            return a[2];
        }
        py_raise_key(I, EXC_KeyError, a[1]);
        return 0;
    }
    return v;
}

static SimId d_setdefault(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)kw;
    if (!bi_nargs(I, "setdefault", n - 1, 1, 2) || !dict_check_key(I, a[1]))
        return 0;
    SimId dflt = n == 3 ? a[2] : S->none;
    sim_incref(S, a[1]), sim_incref(S, dflt);
    SimId v = sim_dict_setdefault(S, a[0], a[1], dflt); /* one lookup, as PyDict_SetDefault */
    if (!v) {
        if (!I->ts->err.set)
            py_no_memory(I);
        return 0;
    }
    sim_incref(S, v);
    return v;
}

/* dict.popitem(): the last entry; its slot is not reused, as CPython's
 * dk_usable is not given back */
static SimId d_copy(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)kw;
    if (!bi_nargs(I, "copy", n - 1, 0, 0))
        return 0;
    return dict_copy(I, a[0]);
}

static SimId d_popitem(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    SimId d = a[0];
    if (sim_dict_split_class(S, d))
        return py_not_modelled(I, 0, "popitem() of an instance's __dict__ (a split table)"), (SimId)0;
    SimId t = sim_tuple(S, 2); /* made before the emptiness check */
    if (sim_obj(S, d)->len == 0) {
        sim_decref(S, t);
        py_raise(I, EXC_KeyError, "popitem(): dictionary is empty");
        return 0;
    }
    uint32_t pos = 0;
    SimId k, v, lk = 0, lv = 0;
    while (sim_dict_next(S, d, &pos, &k, &v))
        lk = k, lv = v;
    sim_incref(S, lk), sim_incref(S, lv);
    sim_tuple_set(S, t, 0, lk);
    sim_tuple_set(S, t, 1, lv);
    sim_dict_del_identical(S, d, lk); /* the last entry itself: no lookup, no __eq__ */
    return t;
}

/* PyDict_MergeFromSeq2: an iterator over the pairs, each set in turn */
static bool merge_pairs(PyRun *I, SimId d, SimId src)
{
    SimId it = iter_get(I, src);
    if (!it)
        return false;
    bool ok = true;
    SimId p;
    int got = 0;
    for (uint32_t i = 0; ok && (got = iter_step(I, it, &p)) > 0; i++) {
        char why[80]; /* PySequence_Fast: a tuple or list as it is, any other iterable as a list */
        snprintf(why, sizeof why, "cannot convert dictionary update sequence element #%u to a sequence", i);
        SimId item = bi_seq_fast(I, p, why);
        sim_decref(S, p);
        if (!(p = item))
            ok = false;
        else if (sim_obj(S, p)->len != 2) {
            py_raise(I, EXC_ValueError, "dictionary update sequence element #%u has length %u; 2 is required", i,
                     sim_obj(S, p)->len);
            ok = false;
        } else if (!dict_check_key(I, sim_items(S, p)[0])) {
            ok = false;
        } else {
            SimId k = sim_items(S, p)[0], v = sim_items(S, p)[1];
            sim_incref(S, k), sim_incref(S, v);
            sim_dict_set(S, d, k, v);
        }
        sim_xdecref(S, p);
    }
    ok = ok && got == 0;
    sim_decref(S, it);
    return ok;
}

/* PyDict_Merge's path for a mapping that is not a dict (a mappingproxy):
 * list(m.keys()), then d[k] = m[k] for each, growing as it goes */
static bool merge_mapping(PyRun *I, SimId d, SimId m)
{
    SimId of = SIM_V(S, m, SK_DICTVIEW, view.dict);
    sim_incref(S, of);
    SimId view = sim_dictview(S, of, SIM_VIEW_KEYS); /* mappingproxy.keys(): its dict's keys() */
    SimId l = bi_list_from(I, view);
    sim_decref(S, view);
    if (!l)
        return false;
    bool ok = true;
    for (uint32_t i = 0; ok && i < sim_obj(S, l)->len; i++) {
        SimId k = sim_items(S, l)[i], v = proxy_getitem(I, m, k);
        if (!v) {
            ok = false;
            break;
        }
        sim_incref(S, k);
        sim_dict_set(S, d, k, v);
        ok = !I->ts->err.set;
    }
    sim_decref(S, l);
    return ok;
}

/* dict_update_arg: a dict merges, a mappingproxy goes key by key, anything
 * else is an iterable of pairs (another mapping with keys() is not modelled) */
static bool update_arg(PyRun *I, SimId d, SimId src)
{
    SimId dup;
    if (sim_kind(S, src) == SK_DICT)
        return dict_merge(I, d, src, DICT_MERGE_SET, &dup);
    if (proxy_is(I, src))
        return merge_mapping(I, d, src);
    if (sim_kind(S, src) == SK_INSTANCE && sim_type_lookup(S, sim_obj(S, src)->type, "keys"))
        return py_not_modelled(I, 0, "updating a dict from a mapping that is not a dict");
    return merge_pairs(I, d, src);
}

/* dict.update(arg=None, **kw): METH_VARARGS|METH_KEYWORDS, so the call
 * makes the argument tuple and a dict of the keywords, merged after arg */
static SimId d_update(PyRun *I, SimId *a, int n, SimId kw)
{
    int np = bi_npos(I, n, kw) - 1;
    if (!bi_nargs(I, "update", np, 0, 1))
        return 0;
    bi_args_tuple(I, np);
    if (np == 1 && !update_arg(I, a[0], a[1]))
        return 0;
    if (kw) {
        uint32_t nk = sim_obj(S, kw)->len;
        SimId kd = sim_dict_presized(S, nk, true);
        for (uint32_t i = 0; i < nk; i++) {
            SimId k = sim_items(S, kw)[i], v = a[n - (int)nk + (int)i];
            sim_incref(S, k), sim_incref(S, v);
            sim_dict_set(S, kd, k, v);
        }
        SimId dup;
        bool ok = dict_merge(I, a[0], kd, DICT_MERGE_SET, &dup);
        sim_decref(S, kd);
        if (!ok)
            return 0;
    }
    return bi_none(I);
}

/* dict.fromkeys(iterable, value=None), a classmethod (self is the dict
 * type or a dict): _PyDict_FromKeys sizes the table once for a dict or a
 * set, else sets the keys one by one */
static SimId d_fromkeys(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)kw;
    SimId src = a[1], value = n > 2 ? a[2] : S->none;
    SimId d = sim_dict_from_type(S); /* cls(): dict() */
    SimKind sk = sim_kind(S, src);
    if (sk == SK_DICT || sk == SK_SET) {
        uint32_t cnt = sim_obj(S, src)->len;
        bool str_keys = sk == SK_DICT && sim_obj(S, src)->sub;
        sim_dict_resize(S, d, sim_dict_log2_for(((size_t)cnt * 3 + 1) / 2), str_keys);
    }
    SimId it = iter_get(I, src);
    if (!it) {
        sim_decref(S, d);
        return 0;
    }
    SimId k;
    int st;
    bool hashed = sk == SK_DICT || sk == SK_SET; /* its entries' hashes: no __hash__ runs */
    while ((st = iter_step(I, it, &k)) == 1) {
        if (!hashed && !dict_check_key(I, k)) {
            sim_decref(S, k);
            st = -1;
            break;
        }
        sim_incref(S, value);
        sim_dict_set(S, d, k, value);
        if (I->ts->err.set) { /* a program's __eq__ raised */
            st = -1;
            break;
        }
    }
    sim_decref(S, it);
    if (st < 0) {
        sim_decref(S, d);
        return 0;
    }
    return d;
}

const BuiltinDef dict_methods[] = {
    BUILTIN("get", SK_DICT, 0, dict_get_fn, .style = ARGS_RANGE, .min = 1, .max = 2), BUILTIN("keys", SK_DICT, 0, d_keys, .style = ARGS_NONE),
    BUILTIN("values", SK_DICT, 0, d_values, .style = ARGS_NONE), BUILTIN("items", SK_DICT, 0, d_items, .style = ARGS_NONE),
    BUILTIN("clear", SK_DICT, 0, meth_clear, .style = ARGS_NONE), BUILTIN("pop", SK_DICT, 0, d_pop, .style = ARGS_RANGE, .min = 1, .max = 2),
    BUILTIN("setdefault", SK_DICT, 0, d_setdefault, .style = ARGS_RANGE, .min = 1, .max = 2), BUILTIN("update", SK_DICT, 0, d_update, .kw = "*"),
    BUILTIN("copy", SK_DICT, 0, d_copy, .style = ARGS_NONE),
    BUILTIN("popitem", SK_DICT, 0, d_popitem, .style = ARGS_NONE),
    BUILTIN("fromkeys", SK_DICT, 0, d_fromkeys, .style = ARGS_RANGE, .min = 1, .max = 2, .classmethod = true),
};
const int dict_nmethods = (int)(sizeof dict_methods / sizeof dict_methods[0]);

/* PyDict_Copy: an instance's split dict gives a split dict sharing the
 * class's keys, a clean table is cloned (same size), else dict_merge */
SimId dict_copy(PyRun *I, SimId src)
{
    SimId d = sim_dict(S);
    const SimObj *so = sim_obj(S, src); /* after the allocation, which may move the records */
    if (so->len == 0)
        return d;
    SimId cls = sim_dict_split_class(S, src);
    if (cls || so->len >= (SIM_V(S, src, SK_DICT, dict.used) * 2) / 3) {
        if (!cls)
            sim_dict_clone_table(S, d, so->cap, so->sub);
        if (sim_is_tracked(S, src) && !sim_is_tracked(S, d))
            sim_track(S, d);
        uint32_t pos = 0;
        SimId k, v;
        while (sim_dict_next(S, src, &pos, &k, &v)) {
            sim_incref(S, k), sim_incref(S, v);
            sim_dict_set(S, d, k, v);
        }
        sim_obj(S, d)->ext = cls; /* sized by the class's shared keys */
        return d;
    }
    dict_merge(I, d, src, DICT_MERGE_SET, NULL);
    return d;
}

SimId dict_or(PyRun *I, SimId a, SimId b, bool inplace)
{
    if (inplace) { /* dict_ior: any update argument */
        if (!update_arg(I, a, b))
            return 0;
        sim_incref(S, a);
        return a;
    }
    SimId d = dict_copy(I, a); /* dict_or: a copy of a, then b merged */
    if (d && !update_arg(I, d, b)) {
        sim_decref(S, d);
        return 0;
    }
    return d;
}

/* dict_vectorcall: an empty dict, the positional argument merged, then
 * each keyword set in turn */
bool dict_fill(PyRun *I, SimId d, SimId *a, int n, SimId kw)
{
    int np = bi_npos(I, n, kw);
    if (!bi_nargs(I, "dict", np, 0, 1))
        return false;
    if (np == 1 && !update_arg(I, d, a[0]))
        return false;
    for (int i = np; i < n; i++) {
        SimId k = sim_items(S, kw)[i - np];
        sim_incref(S, k), sim_incref(S, a[i]);
        sim_dict_set(S, d, k, a[i]);
    }
    return true;
}

SimId dict_construct(PyRun *I, SimId *a, int n, SimId kw)
{
    int np = bi_npos(I, n, kw);
    if (!bi_nargs(I, "dict", np, 0, 1))
        return 0;
    SimId d = sim_dict_from_type(S);
    if (!dict_fill(I, d, a, n, kw)) {
        sim_decref(S, d);
        return 0;
    }
    return d;
}

/* Can dict_merge copy src's keys table as it is (clone_combined_dict_keys)?
 * A combined table without deleted entries, either the smallest or more
 * than half full (so a fresh table would not be smaller). */
static bool clean_to_clone(PyRun *I, SimId src)
{
    const SimObj *o = sim_obj(S, src);
    bool split = sim_dict_split_class(S, src) != 0; /* an instance's __dict__ */
    size_t size = (size_t)1 << o->cap;
    return !split && o->cap && o->len == SIM_V(S, src, SK_DICT, dict.used) &&
           (o->cap == 3 || (size / 2) * 2 / 3 < o->len);
}

bool dict_merge(PyRun *I, SimId d, SimId src, int override, SimId *dup)
{
    const SimObj *so = sim_obj(S, src);
    if (d == src || so->len == 0)
        return true;
    if (sim_is_odict(S, src)) /* its own __iter__: dict_merge's slow path, key by key in its order */
        return odict_merge_into(I, d, src, override, dup);
    if (sim_obj(S, d)->len == 0) {
        override = DICT_MERGE_SET; /* nothing in d to keep or collide with */
        if (clean_to_clone(I, src)) {
            sim_dict_clone_table(S, d, so->cap, so->sub);
            if (sim_is_tracked(S, src) && !sim_is_tracked(S, d))
                sim_track(S, d); /* the clone keeps the source's tracking */
        }
    }
    const SimObj *dobj = sim_obj(S, d);
    size_t usable = dobj->cap ? ((size_t)2 << dobj->cap) / 3 : 0;
    if (usable < so->len) /* one big resize up front */
        sim_dict_resize(S, d, sim_dict_log2_for((((size_t)dobj->len + so->len) * 3 + 1) / 2),
                        so->sub && (dobj->len == 0 || dobj->sub));
    uint32_t pos = 0;
    SimId k, v;
    while (sim_dict_next(S, src, &pos, &k, &v)) {
        if (override != DICT_MERGE_SET && sim_dict_get(S, d, k)) {
            if (override == DICT_MERGE_KEEP)
                continue;
            *dup = k;
            return false;
        }
        sim_incref(S, k), sim_incref(S, v);
        sim_dict_set(S, d, k, v);
    }
    return true;
}
