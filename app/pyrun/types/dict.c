/*
 * dict: the dict type's behaviour — its methods, views and constructor.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pyrun/builtins.h"
#include "pyrun/types/types.h"

#define S (I->sim)

bool dict_check_key(PyRun *I, SimId k)
{
    return py_hashable(I, k);
}

static SimId d_get(PyRun *I, SimId *a, int n, SimId kw)
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
    SimId v = sim_dict_get(S, a[0], a[1]);
    if (!v) {
        if (n == 3) {
            sim_incref(S, a[2]);
            return a[2];
        }
        py_raise_key(I, EXC_KeyError, a[1]);
        return 0;
    }
    sim_incref(S, v);
    sim_dict_del(S, a[0], a[1]);
    return v;
}

static SimId d_setdefault(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)kw;
    if (!bi_nargs(I, "setdefault", n - 1, 1, 2) || !dict_check_key(I, a[1]))
        return 0;
    SimId v = sim_dict_get(S, a[0], a[1]);
    if (!v) {
        v = n == 3 ? a[2] : S->none;
        sim_incref(S, a[1]), sim_incref(S, v);
        sim_dict_set(S, a[0], a[1], v);
    }
    sim_incref(S, v);
    return v;
}

static SimId d_update(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)kw;
    if (!bi_nargs(I, "update", n - 1, 1, 1))
        return 0;
    if (sim_kind(S, a[1]) != SK_DICT) {
        py_raise(I, EXC_TypeError, "pydive's dict.update takes a dict");
        return 0;
    }
    uint32_t pos = 0;
    SimId k, v;
    while (sim_dict_next(S, a[1], &pos, &k, &v)) {
        sim_incref(S, k), sim_incref(S, v);
        sim_dict_set(S, a[0], k, v);
    }
    return bi_none(I);
}

const BuiltinDef dict_methods[] = {
    BUILTIN("get", SK_DICT, 0, d_get, .style = ARGS_RANGE, .min = 1, .max = 2), BUILTIN("keys", SK_DICT, 0, d_keys, .style = ARGS_NONE),
    BUILTIN("values", SK_DICT, 0, d_values, .style = ARGS_NONE), BUILTIN("items", SK_DICT, 0, d_items, .style = ARGS_NONE),
    BUILTIN("clear", SK_DICT, 0, meth_clear, .style = ARGS_NONE), BUILTIN("pop", SK_DICT, 0, d_pop, .style = ARGS_RANGE, .min = 1, .max = 2),
    BUILTIN("setdefault", SK_DICT, 0, d_setdefault, .style = ARGS_RANGE, .min = 1, .max = 2), BUILTIN("update", SK_DICT, 0, d_update, .kw_refused = "*", .style = ARGS_RANGE, .min = 0, .max = 1),
    BUILTIN("copy", SK_DICT, 0, meth_copy, .style = ARGS_NONE),
};
const int dict_nmethods = (int)(sizeof dict_methods / sizeof dict_methods[0]);

SimId dict_construct(PyRun *I, SimId *a, int n, SimId kw)
{
    int np = bi_npos(I, n, kw);
    SimId d = sim_dict(S);
    if (np == 1) {
        SimId src = a[0];
        if (sim_kind(S, src) == SK_DICT) {
            uint32_t pos = 0;
            SimId k, v;
            while (sim_dict_next(S, src, &pos, &k, &v)) {
                sim_incref(S, k), sim_incref(S, v);
                sim_dict_set(S, d, k, v);
            }
        } else {
            SimId l = bi_list_from(I, src);
            if (!l) {
                sim_decref(S, d);
                return 0;
            }
            for (uint32_t i = 0; i < sim_obj(S, l)->len; i++) {
                SimId p = sim_items(S, l)[i];
                if ((sim_kind(S, p) != SK_TUPLE && sim_kind(S, p) != SK_LIST) || sim_obj(S, p)->len != 2) {
                    py_raise(I, EXC_ValueError, "dictionary update sequence element #%u has wrong length", i);
                    sim_decref(S, l), sim_decref(S, d);
                    return 0;
                }
                SimId k = sim_items(S, p)[0], v = sim_items(S, p)[1];
                sim_incref(S, k), sim_incref(S, v);
                sim_dict_set(S, d, k, v);
            }
            sim_decref(S, l);
        }
    }
    for (int i = np; i < n; i++) {
        SimId k = sim_items(S, kw)[i - np];
        sim_incref(S, k), sim_incref(S, a[i]);
        sim_dict_set(S, d, k, a[i]);
    }
    return d;
}

/* Can dict_merge copy src's keys table as it is (clone_combined_dict_keys)?
 * A combined table without deleted entries, either the smallest or more
 * than half full (so a fresh table would not be smaller). */
static bool clean_to_clone(PyRun *I, SimId src)
{
    const SimObj *o = sim_obj(S, src);
    bool split = o->type && sim_kind(S, o->type) == SK_TYPE; /* an instance's __dict__ */
    size_t size = (size_t)1 << o->cap;
    return !split && o->cap && o->len == SIM_V(S, src, SK_DICT, dict.used) &&
           (o->cap == 3 || (size / 2) * 2 / 3 < o->len);
}

bool dict_merge(PyRun *I, SimId d, SimId src, int override, SimId *dup)
{
    const SimObj *so = sim_obj(S, src);
    if (d == src || so->len == 0)
        return true;
    if (sim_obj(S, d)->len == 0) {
        override = DICT_MERGE_SET; /* nothing in d to keep or collide with */
        if (clean_to_clone(I, src)) {
            sim_dict_resize(S, d, so->cap, so->sub);
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
