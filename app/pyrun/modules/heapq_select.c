/*
 * heapq_select: heapq.nlargest and heapq.nsmallest, which CPython writes
 * in Python (Lib/heapq.py, the same in 3.11-3.13), run natively step by
 * step: n == 1 is max()/min() with a sentinel default; a sized iterable
 * with n >= len() is sorted(...)[:n] (an exact-size list); otherwise the
 * first n items are decorated as (item, order) or (key, order, item)
 * tuples kept as a max-heap (nsmallest) or heap (nlargest) through
 * _heapq's C functions, each later item compared once with the top, and
 * the survivors sorted and undecorated by a list comprehension (a list
 * grown by appends).  So the items, the calls of key and of `<` on them
 * and on the tuples, and the result's size are CPython's.  The frames,
 * iterators and ints of the Python code are not replayed: after a call
 * the young count (until a gc.collect()) and the traced figures are
 * refused.
 */
#include <string.h>

#include "pyrun/builtins.h"
#include "pyrun/modules/heapq_int.h"
#include "pyrun/modules/itertools.h"
#include "pyrun/modules/tracemalloc.h"
#include "pyrun/types/types.h"

#define S (I->sim)

typedef struct Select {
    SimId n, iterable, key; /* borrowed */
    bool largest;
    int64_t count;
} Select;

/* key(item), or item itself (a new reference either way) */
static SimId keyed(PyRun *I, SimId key, SimId item)
{
    if (!key) {
        sim_incref(S, item);
        return item;
    }
    return vm_call(I, key, &item, 1);
}

/* min()/max() of the iterable by key with a default: [] or [result] */
static SimId one(PyRun *I, const Select *q)
{
    SimId it = iter_get(I, q->iterable);
    if (!it)
        return 0;
    SimId best = 0, bestkey = 0, item;
    int got;
    while ((got = iter_step(I, it, &item)) > 0) {
        SimId k = keyed(I, q->key, item);
        int better = 1;
        if (k && best) {
            SimId r = op_compare(I, q->largest ? OP_GT : OP_LT, k, bestkey);
            better = r ? op_truth(I, r) : -1;
            sim_xdecref(S, r);
        }
        if (!k || better < 0) {
            sim_xdecref(S, k);
            sim_decref(S, item);
            got = -1;
            break;
        }
        if (better) {
            sim_xdecref(S, best);
            sim_xdecref(S, bestkey);
            best = item, bestkey = k;
        } else {
            sim_decref(S, item);
            sim_decref(S, k);
        }
    }
    sim_decref(S, it);
    sim_xdecref(S, bestkey);
    if (got < 0) {
        sim_xdecref(S, best);
        return 0;
    }
    SimId r = sim_list(S, best ? 1 : 0); /* BUILD_LIST */
    if (best)
        sim_list_set(S, r, 0, best);
    return r;
}

/* len(iterable) when it has one (1, with *size), 0 when len() raises
 * TypeError (an iterator), -1 refused */
static int sized(PyRun *I, SimId v, int64_t *size)
{
    const SimObj *o = sim_obj(S, v);
    switch ((SimKind)o->kind) {
    case SK_STR: *size = o->cap; return 1;
    case SK_BYTES: case SK_BYTEARRAY: case SK_LIST: case SK_TUPLE: case SK_DICT: case SK_SET: case SK_DEQUE:
    case SK_ARRAY:
        *size = o->len;
        return 1;
    case SK_DICTVIEW: *size = sim_obj(S, o->v.view.dict)->len; return 1;
    case SK_RANGE: { /* range_length as len() gives it */
        const int64_t *r = (const int64_t *)(const void *)sim_items(S, v);
        int64_t start = o->v.i, stop = r[0], step = r[1];
        *size = step > 0 ? (stop > start ? (stop - start + step - 1) / step : 0)
                         : (start > stop ? (start - stop - step - 1) / -step : 0);
        return 1;
    }
    case SK_GEN: return 0;
    case SK_ITER: { /* iterators: len() raises TypeError */
        const char *nm = sim_type_name(S, v);
        static const char *const lazy[] = {"zip", "map", "filter", "enumerate", "reversed"};
        for (size_t i = 0; i < sizeof lazy / sizeof lazy[0]; i++)
            if (strcmp(nm, lazy[i]) == 0)
                return 0;
        return sim_xtype_of(S, v) == SIM_XT_NONE || strstr(nm, "iterator") || itertools_def_of(nm) >= 0 ? 0 : -1;
    }
    default: return -1;
    }
}

/* sorted(iterable, key=key, reverse=largest)[:n] */
static SimId sorted_head(PyRun *I, const Select *q)
{
    SimId all = bi_list_from(I, q->iterable);
    if (!all)
        return 0;
    if (!bi_sort_list(I, all, q->key, q->largest)) {
        sim_decref(S, all);
        return 0;
    }
    uint32_t len = sim_obj(S, all)->len, m = q->count < 0 ? 0 : q->count < len ? (uint32_t)q->count : len;
    SimId r = sim_list(S, m); /* list_slice: exactly m */
    for (uint32_t i = 0; i < m; i++) {
        sim_incref(S, sim_items(S, all)[i]);
        sim_list_set(S, r, i, sim_items(S, all)[i]);
    }
    sim_decref(S, all);
    return r;
}

/* (k, order) or (k, order, item) */
static SimId decorated(PyRun *I, SimId k, int64_t order, SimId item)
{
    SimId t = sim_tuple(S, item ? 3 : 2);
    sim_tuple_set(S, t, 0, k);
    sim_tuple_set(S, t, 1, sim_int(S, order));
    if (item) {
        sim_incref(S, item);
        sim_tuple_set(S, t, 2, item);
    }
    return t;
}

/* the decorated heap of the first n items, then each later item against
 * its top; the result sorted and undecorated */
static SimId heap_select(PyRun *I, const Select *q)
{
    SimId it = iter_get(I, q->iterable);
    if (!it)
        return 0;
    SimId result = sim_list(S, 0), item = 0, out = 0;
    int64_t step = q->largest ? -1 : 1, order = 0;
    int got = 1;
    for (int64_t i = 0; i < q->count && (got = iter_step(I, it, &item)) > 0; i++, order += step) {
        SimId k = keyed(I, q->key, item);
        if (!k) {
            sim_decref(S, item);
            got = -1;
            break;
        }
        sim_list_append(S, result, decorated(I, k, order, q->key ? item : 0));
        sim_decref(S, item);
    }
    if (got < 0)
        goto done;
    if (sim_obj(S, result)->len == 0) {
        out = result, result = 0;
        goto done;
    }
    if (!heapq_heapify(I, result, !q->largest))
        goto done;
    order = q->largest ? -q->count : q->count;
    while ((got = iter_step(I, it, &item)) > 0) {
        SimId k = keyed(I, q->key, item);
        SimId top = k ? sim_items(S, sim_items(S, result)[0])[0] : 0;
        int c = !k ? -1 : q->largest ? heapq_lt(I, top, k) : heapq_lt(I, k, top);
        if (c > 0) {
            SimId t = decorated(I, k, order, q->key ? item : 0), old = heapq_replace(I, result, t, !q->largest);
            sim_decref(S, t);
            sim_xdecref(S, old);
            c = old ? 1 : -1;
            order += step;
        } else {
            sim_xdecref(S, k);
        }
        sim_decref(S, item);
        if (c < 0) {
            got = -1;
            break;
        }
    }
    if (got < 0 || !bi_sort_list(I, result, 0, q->largest))
        goto done;
    out = sim_list(S, 0); /* [elem for (..., elem) in result] */
    uint32_t pos = q->key ? 2 : 0;
    for (uint32_t i = 0; i < sim_obj(S, result)->len; i++) {
        SimId e = sim_items(S, sim_items(S, result)[i])[pos];
        sim_incref(S, e);
        sim_list_append(S, out, e);
    }
done:
    sim_xdecref(S, result);
    sim_decref(S, it);
    return out;
}

static SimId select_items(PyRun *I, SimId *a, int nargs, SimId kw, bool largest)
{
    const char *fn = largest ? "nlargest" : "nsmallest";
    int np = bi_npos(I, nargs, kw);
    Select q = {0, 0, 0, largest, 0};
    SimId *slots[3] = {&q.n, &q.iterable, &q.key};
    static const char *const names[3] = {"n", "iterable", "key"};
    if (np > 3) {
        py_raise(I, EXC_TypeError, "%s() takes from 2 to 3 positional arguments but %d were given", fn, np);
        return 0;
    }
    for (int i = 0; i < np; i++)
        *slots[i] = a[i];
    for (int i = 0; i < 3; i++) {
        SimId v = bi_kwarg(I, a, nargs, kw, names[i]);
        if (v && *slots[i]) {
            py_raise(I, EXC_TypeError, "%s() got multiple values for argument '%s'", fn, names[i]);
            return 0;
        }
        if (v)
            *slots[i] = v;
    }
    if (!q.n || !q.iterable) {
        bool both = !q.n && !q.iterable;
        py_raise(I, EXC_TypeError, "%s() missing %d required positional argument%s: %s", fn, both ? 2 : 1,
                 both ? "s" : "", both ? "'n' and 'iterable'" : !q.n ? "'n'" : "'iterable'");
        return 0;
    }
    if (q.key && sim_kind(S, q.key) == SK_NONE)
        q.key = 0;
    if ((sim_kind(S, q.n) != SK_INT && sim_kind(S, q.n) != SK_BOOL) || sim_obj(S, q.n)->sub == 1)
        return py_not_modelled(I, 0, "heapq.%s() with an n that is not a small int", fn), (SimId)0;
    q.count = sim_obj(S, q.n)->v.i;
    if (!I->gc_count_unsure)
        I->count_unsure_what = largest ? "heapq.nlargest() (Lib/heapq.py's Python code)"
                                       : "heapq.nsmallest() (Lib/heapq.py's Python code)";
    I->gc_count_unsure = true;
    tm_note_unsure(I, largest ? "heapq.nlargest() (Lib/heapq.py's objects)" : "heapq.nsmallest() (Lib/heapq.py's objects)");
    if (q.count == 1)
        return one(I, &q);
    int64_t size = 0;
    int has = sized(I, q.iterable, &size);
    if (has < 0)
        return py_not_modelled(I, 0, "heapq.%s() of a %s (its len())", fn, op_typename(I, q.iterable)), (SimId)0;
    if (has && q.count >= size)
        return sorted_head(I, &q);
    return heap_select(I, &q);
}

SimId heapq_nlargest(PyRun *I, SimId *a, int n, SimId kw) { return select_items(I, a, n, kw, true); }

SimId heapq_nsmallest(PyRun *I, SimId *a, int n, SimId kw) { return select_items(I, a, n, kw, false); }
