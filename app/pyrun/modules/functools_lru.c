/*
 * functools_lru: lru_cache and cache as Lib/functools.py builds them over
 * Modules/_functoolsmodule.c's _lru_cache_wrapper (3.11-3.13).  The cache
 * is a real dict: unbounded, key -> result; bounded, key -> an
 * _lru_list_elem holding the key and the result, the elements chained
 * from the least to the most recently used.  A key is the argument itself
 * for one int or str argument, else the call's argument tuple, so cached
 * arguments and results stay alive with CPython's refcounts.  The Python
 * parts (the decorating closure, the cache_parameters lambda) are counted
 * as the GC allocations they are; keyword arguments and typed=True are
 * refused.
 */
#include <string.h>

#include "pyrun/builtins.h"
#include "pyrun/modules/functools.h"
#include "pyrun/types/native.h"
#include "pyrun/types/types.h"
#include "sim/gc.h"

#define S (I->sim)
#define REFS(o) sim_iter_refs(S, o)

/* the wrapper: its references (tp_traverse's order) and counters */
enum { LRU_CACHE, LRU_FUNC, LRU_DICT, LRU_NREFS };
enum { LRU_HITS, LRU_MISSES, LRU_MAXSIZE, LRU_FIRST, LRU_LAST, LRU_NINTS }; /* MAXSIZE -1: None */
/* an element: key and result; its neighbours' ids */
enum { EL_KEY, EL_RESULT };
enum { EL_PREV, EL_NEXT };
_Static_assert((int)LRU_FIRST == (int)SIM_LRU_FIRST && (int)EL_NEXT == (int)SIM_LRU_ELEM_NEXT && EL_RESULT == 1 && EL_KEY == 0,
               "the links sim_traverse walks");
/* CacheInfo(hits, misses, maxsize, currsize) */
static const char *const info_fields[4] = {"hits", "misses", "maxsize", "currsize"};

static const BuiltinDef *def_named(const char *name)
{
    for (int i = 0; i < functools_nfunctions; i++)
        if (strcmp(functools_functions[i].name, name) == 0)
            return &functools_functions[i];
    return NULL;
}

/* ---- the LRU chain ------------------------------------------------------------------- */

static void unlink_elem(PyRun *I, SimId w, SimId e)
{
    SimId prev = (SimId)sim_iter_int(S, e, EL_PREV), next = (SimId)sim_iter_int(S, e, EL_NEXT);
    if (prev)
        sim_iter_set_int(S, prev, EL_NEXT, next);
    else
        sim_iter_set_int(S, w, LRU_FIRST, next);
    if (next)
        sim_iter_set_int(S, next, EL_PREV, prev);
    else
        sim_iter_set_int(S, w, LRU_LAST, prev);
}

static void append_elem(PyRun *I, SimId w, SimId e)
{
    SimId last = (SimId)sim_iter_int(S, w, LRU_LAST);
    sim_iter_set_int(S, e, EL_PREV, last);
    sim_iter_set_int(S, e, EL_NEXT, 0);
    if (last)
        sim_iter_set_int(S, last, EL_NEXT, e);
    else
        sim_iter_set_int(S, w, LRU_FIRST, e);
    sim_iter_set_int(S, w, LRU_LAST, e);
}

/* ---- calls --------------------------------------------------------------------------- */

/* lru_cache_make_key without keywords or typed: the argument itself for one
 * exact int or str, else the argument tuple (a new reference either way) */
static SimId make_key(PyRun *I, SimId argtuple)
{
    if (sim_obj(S, argtuple)->len == 1) {
        SimId a = sim_items(S, argtuple)[0];
        SimKind k = sim_kind(S, a);
        if (k == SK_INT || k == SK_STR) {
            sim_incref(S, a);
            return a;
        }
    }
    sim_incref(S, argtuple);
    return argtuple;
}

static SimId cached_call(PyRun *I, SimId w, SimId argtuple)
{
    SimId cache = REFS(w)[LRU_CACHE], func = REFS(w)[LRU_FUNC];
    int64_t maxsize = sim_iter_int(S, w, LRU_MAXSIZE);
    SimId *items = sim_items(S, argtuple);
    int n = (int)sim_obj(S, argtuple)->len;
    SimId copy[16];
    if (n > 16)
        return py_not_modelled(I, 0, "an lru_cache function called with more than 16 arguments"), 0;
    memcpy(copy, items, (size_t)n * sizeof *copy);
    if (maxsize == 0) { /* uncached_lru_cache_wrapper */
        sim_iter_set_int(S, w, LRU_MISSES, sim_iter_int(S, w, LRU_MISSES) + 1);
        return vm_call(I, func, copy, n);
    }
    SimId key = make_key(I, argtuple);
    if (!dict_check_key(I, key)) {
        sim_decref(S, key);
        return 0;
    }
    SimId hit = sim_dict_get(S, cache, key);
    if (hit) {
        sim_iter_set_int(S, w, LRU_HITS, sim_iter_int(S, w, LRU_HITS) + 1);
        if (maxsize > 0) { /* move to the most recent end */
            unlink_elem(I, w, hit);
            append_elem(I, w, hit);
            hit = REFS(hit)[EL_RESULT];
        }
        sim_incref(S, hit);
        sim_decref(S, key);
        return hit;
    }
    sim_iter_set_int(S, w, LRU_MISSES, sim_iter_int(S, w, LRU_MISSES) + 1);
    SimId result = vm_call(I, func, copy, n);
    if (!result || sim_dict_get(S, cache, key)) { /* failed, or the call cached it itself */
        sim_decref(S, key);
        return result;
    }
    if (maxsize < 0) { /* infinite_lru_cache_wrapper */
        sim_incref(S, result);
        sim_dict_set(S, cache, key, result); /* the dict takes the key's reference */
        return result;
    }
    if ((int64_t)sim_obj(S, cache)->len < maxsize || !sim_iter_int(S, w, LRU_FIRST)) {
        SimId e = iter_composite(I, SIM_XT_FT_LRU_ELEM, 2, 2, 0, false); /* PyObject_New: no GC */
        if (!e) {
            sim_decref(S, key);
            sim_decref(S, result);
            return 0;
        }
        sim_incref(S, key);
        REFS(e)[EL_KEY] = key;
        sim_incref(S, result);
        REFS(e)[EL_RESULT] = result;
        sim_dict_set(S, cache, key, e); /* the key's and the element's references move in */
        append_elem(I, w, e);
        return result;
    }
    /* full: the oldest element is taken out and reused for this call */
    SimId e = (SimId)sim_iter_int(S, w, LRU_FIRST);
    unlink_elem(I, w, e);
    SimId oldkey = REFS(e)[EL_KEY], oldresult = REFS(e)[EL_RESULT];
    sim_incref(S, e);
    sim_dict_del(S, cache, oldkey); /* _PyDict_Pop_KnownHash: the dict's key and element go */
    sim_incref(S, key);
    REFS(e)[EL_KEY] = key;
    sim_incref(S, result);
    REFS(e)[EL_RESULT] = result;
    sim_incref(S, e);
    sim_dict_set(S, cache, key, e);
    append_elem(I, w, e);
    sim_decref(S, e); /* popresult */
    sim_decref(S, oldkey);
    sim_decref(S, oldresult);
    return result;
}

SimId ft_lru_call(PyRun *I, SimId w, SimId *args, int nargs, SimId kwnames)
{
    bool from_ex = I->ts->ex_args != 0;
    SimId ex = I->ts->ex_args;
    I->ts->ex_args = 0;
    if (kwnames && sim_obj(S, kwnames)->len)
        return py_not_modelled(I, 0, "an lru_cache function called with keyword arguments"), 0;
    SimId argtuple; /* tp_call: the arguments packed (f(*args) passes its own tuple) */
    if (from_ex) {
        argtuple = ex;
        sim_incref(S, argtuple);
    } else {
        argtuple = nargs ? sim_tuple(S, (size_t)nargs) : S->empty_tuple;
        if (!nargs)
            sim_incref(S, argtuple);
        for (int i = 0; i < nargs; i++) {
            sim_incref(S, args[i]);
            sim_tuple_set(S, argtuple, (size_t)i, args[i]);
        }
    }
    SimId r = cached_call(I, w, argtuple);
    sim_decref(S, argtuple);
    return r;
}

/* ---- making the wrapper ---------------------------------------------------------------- */

/* lru_cache(maxsize, typed)'s decorating_function, as a method bound to
 * (maxsize, typed) */

static SimId make_wrapper(PyRun *I, SimId func, SimId maxsize_obj)
{
    if (!ft_callable(I, func)) {
        py_raise(I, EXC_TypeError, "the first argument must be callable");
        return 0;
    }
    int64_t maxsize = -1; /* None: unbounded */
    if (sim_kind(S, maxsize_obj) != SK_NONE) {
        if (!bi_int_arg(I, maxsize_obj, &maxsize))
            return 0;
        if (maxsize < 0)
            maxsize = 0;
    }
    /* _lru_cache_wrapper(user_function, maxsize, typed, _CacheInfo): type_call's tuple */
    SimId targs = sim_tuple(S, 4);
    SimId parts[4] = {func, maxsize_obj, S->false_, S->none};
    for (int i = 0; i < 4; i++) {
        sim_incref(S, parts[i]);
        sim_tuple_set(S, targs, (size_t)i, parts[i]);
    }
    SimId cache = sim_dict(S);
    SimId w = iter_composite(I, SIM_XT_FT_LRU_WRAPPER, LRU_NREFS, LRU_NINTS, 0, true);
    if (!w) {
        sim_decref(S, cache);
        sim_decref(S, targs);
        return 0;
    }
    REFS(w)[LRU_CACHE] = cache;
    sim_incref(S, func);
    REFS(w)[LRU_FUNC] = func;
    sim_iter_set_int(S, w, LRU_MAXSIZE, maxsize);
    sim_decref(S, targs);
    /* wrapper.cache_parameters = lambda: {...}: the closure's tuple and the function,
     * then the wrapper's __dict__ to hold it */
    SimId closure = sim_tuple(S, 2);
    sim_incref(S, maxsize_obj);
    sim_tuple_set(S, closure, 0, maxsize_obj);
    sim_tuple_set(S, closure, 1, sim_bool(S, false));
    SimId lambda = native_bound(I, def_named("cache_parameters"), closure);
    sim_decref(S, closure);
    SimId d = sim_dict(S);
    REFS(w)[LRU_DICT] = d;
    sim_dict_set(S, d, sim_str_intern(S, "cache_parameters", 16), lambda);
    /* update_wrapper(wrapper, user_function) */
    SimId uargs[2] = {w, func};
    SimId r = ft_update_wrapper(I, uargs, 2, 0);
    if (!r) {
        sim_decref(S, w);
        return 0;
    }
    sim_decref(S, r);
    return w;
}

/* the closure's cells for maxsize and typed, made when lru_cache starts */
static void closure_cells(PyRun *I) { gc_note_foreign(S, 2, 2); }

SimId ft_lru_cache(PyRun *I, SimId *a, int n, SimId kw)
{
    int np = bi_npos(I, n, kw);
    if (np > 2) {
        py_raise(I, EXC_TypeError, "lru_cache() takes from 0 to 2 positional arguments but %d were given", np);
        return 0;
    }
    SimId maxsize = np > 0 ? a[0] : bi_kwarg(I, a, n, kw, "maxsize");
    SimId typed = np > 1 ? a[1] : bi_kwarg(I, a, n, kw, "typed");
    if (typed && op_truth(I, typed) != 0)
        return py_not_modelled(I, 0, "functools.lru_cache(typed=True)"), 0;
    closure_cells(I);
    if (!maxsize) {
        maxsize = sim_int(S, 128);
        sim_decref(S, maxsize); /* a small int: it stays */
    }
    SimKind k = sim_kind(S, maxsize);
    if (k != SK_INT && k != SK_NONE && k != SK_BOOL) {
        if (ft_callable(I, maxsize)) { /* @lru_cache with no call: the function itself */
            SimId m = sim_int(S, 128);
            SimId r = make_wrapper(I, maxsize, m);
            sim_decref(S, m);
            return r;
        }
        py_raise(I, EXC_TypeError, "Expected first argument to be an integer, a callable, or None");
        return 0;
    }
    /* the decorating function: its closure tuple and itself */
    SimId closure = sim_tuple(S, 2);
    sim_incref(S, maxsize);
    sim_tuple_set(S, closure, 0, maxsize);
    sim_tuple_set(S, closure, 1, sim_bool(S, false));
    SimId fn = native_bound(I, def_named("decorating_function"), closure);
    sim_decref(S, closure);
    return fn;
}

SimId ft_decorating_function(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)kw;
    if (n != 2) {
        py_raise(I, EXC_TypeError, "decorating_function() takes 1 positional argument but %d were given", n - 1);
        return 0;
    }
    return make_wrapper(I, a[1], sim_items(S, a[0])[0]);
}

SimId ft_cache(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    closure_cells(I); /* lru_cache(maxsize=None)(user_function) */
    SimId closure = sim_tuple(S, 2);
    sim_tuple_set(S, closure, 0, sim_none(S));
    sim_tuple_set(S, closure, 1, sim_bool(S, false));
    SimId fn = native_bound(I, def_named("decorating_function"), closure);
    SimId r = make_wrapper(I, a[0], S->none);
    sim_decref(S, closure);
    sim_decref(S, fn);
    return r;
}

SimId ft_cache_parameters(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)kw;
    if (n != 1) {
        py_raise(I, EXC_TypeError, "<lambda>() takes 0 positional arguments but %d were given", n - 1);
        return 0;
    }
    SimId d = sim_dict_presized(S, 2, true);
    for (int i = 0; i < 2; i++) {
        SimId v = sim_items(S, a[0])[i];
        sim_incref(S, v);
        sim_dict_set(S, d, sim_str_intern(S, i ? "typed" : "maxsize", i ? 5 : 7), v);
    }
    return d;
}

/* ---- cache_info, cache_clear, the attributes -------------------------------------------- */

SimId ft_cache_info(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)kw;
    if (n != 1) {
        py_raise(I, EXC_TypeError, "_lru_cache_wrapper.cache_info() takes no arguments (%d given)", n - 1);
        return 0;
    }
    SimId w = a[0];
    int64_t maxsize = sim_iter_int(S, w, LRU_MAXSIZE);
    SimId vals[4] = {sim_int(S, sim_iter_int(S, w, LRU_HITS)), sim_int(S, sim_iter_int(S, w, LRU_MISSES)),
                     maxsize < 0 ? sim_none(S) : sim_int(S, maxsize),
                     sim_int(S, maxsize == 0 ? 0 : (int64_t)sim_obj(S, REFS(w)[LRU_CACHE])->len)};
    SimId args = sim_tuple(S, 4); /* the call's arguments, then __new__'s tuple */
    for (int i = 0; i < 4; i++) {
        sim_incref(S, vals[i]);
        sim_tuple_set(S, args, (size_t)i, vals[i]);
    }
    SimId inner = sim_tuple(S, 4); /* __new__'s (hits, misses, maxsize, currsize) */
    for (int i = 0; i < 4; i++)
        sim_tuple_set(S, inner, (size_t)i, vals[i]);
    /* tuple.__new__(_cls, inner): its METH_VARARGS tuple, then tp_new_wrapper's slice */
    SimId call = sim_tuple(S, 2);
    sim_tuple_set(S, call, 0, sim_none(S));
    sim_incref(S, inner);
    sim_tuple_set(S, call, 1, inner);
    SimId sub = sim_tuple(S, 1);
    sim_incref(S, inner);
    sim_tuple_set(S, sub, 0, inner);
    SimId info = iter_composite(I, SIM_XT_FT_CACHEINFO, 4, 0, 0, true);
    if (info)
        for (int i = 0; i < 4; i++) {
            sim_incref(S, sim_items(S, inner)[i]);
            REFS(info)[i] = sim_items(S, inner)[i];
        }
    sim_decref(S, sub);
    sim_decref(S, call);
    sim_decref(S, inner);
    sim_decref(S, args);
    return info;
}

SimId ft_cache_clear(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)kw;
    if (n != 1) {
        py_raise(I, EXC_TypeError, "_lru_cache_wrapper.cache_clear() takes no arguments (%d given)", n - 1);
        return 0;
    }
    SimId w = a[0];
    sim_iter_set_int(S, w, LRU_HITS, 0);
    sim_iter_set_int(S, w, LRU_MISSES, 0);
    sim_iter_set_int(S, w, LRU_FIRST, 0);
    sim_iter_set_int(S, w, LRU_LAST, 0);
    sim_dict_clear(S, REFS(w)[LRU_CACHE]);
    return bi_none(I);
}

SimId ft_lru_attr(PyRun *I, SimId w, const char *name, bool *found)
{
    if (sim_xtype_of(S, w) == SIM_XT_FT_CACHEINFO) {
        for (int i = 0; i < 4; i++)
            if (strcmp(name, info_fields[i]) == 0) {
                *found = true;
                sim_incref(S, REFS(w)[i]);
                return REFS(w)[i];
            }
        return 0;
    }
    if (strcmp(name, "cache_info") == 0 || strcmp(name, "cache_clear") == 0) {
        *found = true;
        return native_bound(I, def_named(name), w);
    }
    if (strcmp(name, "__dict__") == 0) /* it holds the lambda the model makes a built-in */
        return *found = true, py_not_modelled(I, 0, "an lru_cache wrapper's __dict__"), (SimId)0;
    if (strcmp(name, "cache_parameters") != 0 && strncmp(name, "__", 2) != 0)
        return 0;
    SimId v = sim_dict_get_str(S, REFS(w)[LRU_DICT], name);
    if (v) {
        *found = true;
        sim_incref(S, v);
    }
    return v;
}

SimId ft_lru_dict(PyRun *I, SimId w) { return REFS(w)[LRU_DICT]; }

bool ft_lru_repr(PyRun *I, SimId w, Buf *out)
{
    if (sim_xtype_of(S, w) == SIM_XT_FT_CACHEINFO) {
        buf_adds(out, "CacheInfo(");
        for (int i = 0; i < 4; i++) {
            buf_printf(out, "%s%s=", i ? ", " : "", info_fields[i]);
            if (!op_repr(I, REFS(w)[i], out))
                return false;
        }
        buf_addc(out, ')');
        return true;
    }
    buf_printf(out, "<functools._lru_cache_wrapper object at %#llx>", (unsigned long long)sim_id_address(S, w));
    return true;
}
