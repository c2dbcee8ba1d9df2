/*
 * list_slice: assigning to and deleting a slice of a list (list_ass_slice
 * and list_ass_subscript): one list_resize for the whole change, the
 * replaced items released last and in reverse order, the replacement taken
 * as it is when it is a list or tuple and else first made into a list
 * (PySequence_Fast), and an extended slice (step other than 1) changed in
 * place.
 */
#include <stdlib.h>
#include <string.h>

#include "pyrun/types/types.h"

#define S (I->sim)

/* PySequence_Fast: v itself (a new reference) for a list or tuple, else a
 * new list of its items; 0 with TypeError(msg) when it is not iterable. */
static SimId as_fast(PyRun *I, SimId v, const char *msg)
{
    SimKind k = sim_kind(S, v);
    if ((k == SK_LIST || k == SK_TUPLE) && !sim_is_subinst(S, v)) { /* PySequence_Fast: the exact types */
        sim_incref(S, v);
        return v;
    }
    SimId it = iter_get(I, v);
    if (!it) {
        if (py_err_matches(I, EXC_TypeError)) {
            py_err_clear(I);
            py_raise(I, EXC_TypeError, "%s", msg);
        }
        return 0;
    }
    SimId l = sim_list(S, 0); /* PySequence_List(it) */
    bool ok = list_extend(I, l, it);
    sim_decref(S, it);
    if (!ok) {
        sim_decref(S, l);
        return 0;
    }
    return l;
}

/* a list of exactly the items of list (list_slice(a, 0, len)) */
static SimId exact_copy(PyRun *I, SimId list)
{
    SimId src = list;
    return meth_copy(I, &src, 1, 0);
}

static bool ass_slice(PyRun *I, SimId a, int64_t lo, int64_t hi, SimId v)
{
    if (v == a) { /* a[i:j] = a: a copy first */
        SimId c = exact_copy(I, a);
        if (!c)
            return false;
        bool ok = ass_slice(I, a, lo, hi, c);
        sim_decref(S, c);
        return ok;
    }
    const char *msg = S->prof->version >= SIM_V313 ? "must assign iterable to extended slice" /* 3.13's wording */
                                                    : "can only assign an iterable";
    SimId fast = v ? as_fast(I, v, msg) : 0;
    if (v && !fast)
        return false;
    int64_t size = sim_obj(S, a)->len, n = fast ? sim_obj(S, fast)->len : 0;
    lo = lo < 0 ? 0 : lo > size ? size : lo;
    hi = hi < lo ? lo : hi > size ? size : hi;
    int64_t norig = hi - lo, d = n - norig;
    if (size + d == 0) { /* nothing left: _list_clear */
        sim_xdecref(S, fast);
        sim_list_clear(S, a);
        return true;
    }
    SimId *recycle = malloc(((size_t)norig + 1) * sizeof *recycle);
    memcpy(recycle, sim_items(S, a) + lo, (size_t)norig * sizeof *recycle);
    if (d < 0) { /* the tail moves down, then the list shrinks */
        SimId *item = sim_items(S, a);
        memmove(item + hi + d, item + hi, (size_t)(size - hi) * sizeof *item);
        sim_list_resize(S, a, (size_t)(size + d));
    } else if (d > 0) {
        if (!sim_list_resize(S, a, (size_t)(size + d))) {
            free(recycle);
            sim_xdecref(S, fast);
            py_no_memory(I);
            return false;
        }
        SimId *item = sim_items(S, a);
        memmove(item + hi + d, item + hi, (size_t)(size - hi) * sizeof *item);
    }
    SimId *item = sim_items(S, a);
    for (int64_t k = 0; k < n; k++) {
        SimId w = sim_items(S, fast)[k];
        sim_incref(S, w);
        item[lo + k] = w;
    }
    for (int64_t k = norig - 1; k >= 0; k--)
        sim_xdecref(S, recycle[k]);
    free(recycle);
    sim_xdecref(S, fast);
    return true;
}

/* del a[start:stop:step], step not 1: the kept items close up in place */
static bool del_extended(PyRun *I, SimId a, int64_t start, int64_t stop, int64_t step, int64_t slicelength)
{
    if (slicelength <= 0)
        return true;
    if (step < 0) { /* walk it forwards */
        stop = start + 1;
        start = stop + step * (slicelength - 1) - 1;
        step = -step;
    }
    SimId *garbage = malloc((size_t)slicelength * sizeof *garbage);
    SimId *item = sim_items(S, a);
    int64_t size = sim_obj(S, a)->len, i = 0;
    for (int64_t cur = start; cur < stop; cur += step, i++) {
        int64_t lim = step - 1;
        garbage[i] = item[cur];
        if (cur + step >= size)
            lim = size - cur - 1;
        memmove(item + cur - i, item + cur + 1, (size_t)lim * sizeof *item);
    }
    int64_t cur = start + slicelength * step;
    if (cur < size)
        memmove(item + cur - slicelength, item + cur, (size_t)(size - cur) * sizeof *item);
    sim_obj(S, a)->len = (uint32_t)(size - slicelength);
    sim_list_resize(S, a, (size_t)(size - slicelength));
    for (i = 0; i < slicelength; i++)
        sim_decref(S, garbage[i]);
    free(garbage);
    return true;
}

/* a[start:stop:step] = v, step not 1: as many items as the slice has */
static bool set_extended(PyRun *I, SimId a, int64_t start, int64_t step, int64_t slicelength, SimId v)
{
    SimId seq = v == a ? exact_copy(I, a) : as_fast(I, v, "must assign iterable to extended slice");
    if (!seq)
        return false;
    int64_t n = sim_obj(S, seq)->len;
    if (n != slicelength) {
        py_raise(I, EXC_ValueError, "attempt to assign sequence of size %lld to extended slice of size %lld",
                 (long long)n, (long long)slicelength);
        sim_decref(S, seq);
        return false;
    }
    if (slicelength == 0) {
        sim_decref(S, seq);
        return true;
    }
    SimId *garbage = malloc((size_t)slicelength * sizeof *garbage);
    SimId *item = sim_items(S, a);
    int64_t cur = start;
    for (int64_t i = 0; i < slicelength; cur += step, i++) {
        garbage[i] = item[cur];
        SimId w = sim_items(S, seq)[i];
        sim_incref(S, w);
        item[cur] = w;
    }
    for (int64_t i = 0; i < slicelength; i++)
        sim_decref(S, garbage[i]);
    free(garbage);
    sim_decref(S, seq);
    return true;
}

bool list_slice_store(PyRun *I, SimId a, int64_t start, int64_t stop, int64_t step, SimId v)
{
    int64_t len = 0; /* PySlice_AdjustIndices' slicelength (bounds already adjusted) */
    if (step > 0 && start < stop)
        len = (stop - start - 1) / step + 1;
    else if (step < 0 && stop < start)
        len = (start - stop - 1) / -step + 1;
    if (step == 1)
        return ass_slice(I, a, start, stop, v);
    if ((step < 0 && start < stop) || (step > 0 && start > stop))
        stop = start; /* s[5:2] = [..] inserts before 5 */
    return v ? set_extended(I, a, start, step, len, v) : del_extended(I, a, start, stop, step, len);
}
