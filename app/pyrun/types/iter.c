/*
 * iterators: enumerate, zip and reversed (materialised into a list
 * iterator over tuples, as the model has one iterator kind).
 */
#include <stdlib.h>

#include "base/xalloc.h"
#include "pyrun/builtins.h"
#include "pyrun/types/types.h"

#define S (I->sim)

static SimId pairs_list(PyRun *I, SimId *a, int n, bool enumerate)
{
    int k = enumerate ? 1 : n;
    /* the pairs are made up front: a generator would run ahead of the loop
     * that reads them, where CPython's enumerate and zip pull one at a time */
    for (int i = 0; i < k; i++)
        if (sim_kind(S, a[i]) == SK_GEN)
            return py_not_modelled(I, 0, "%s() over a generator", enumerate ? "enumerate" : "zip"), 0;
    int64_t start = 0; /* checked before anything is built, so a bad start leaks nothing */
    if (enumerate && n > 1 && !bi_int_arg(I, a[1], &start))
        return 0;
    SimId *lists = xcalloc((size_t)k + 1, sizeof *lists);
    uint32_t len = k ? UINT32_MAX : 0;
    for (int i = 0; i < k; i++) {
        lists[i] = bi_list_from(I, a[i]);
        if (!lists[i]) {
            for (int j = 0; j < i; j++)
                sim_decref(S, lists[j]);
            free(lists);
            return 0;
        }
        if (sim_obj(S, lists[i])->len < len)
            len = sim_obj(S, lists[i])->len;
    }
    SimId out = sim_list(S, len);
    if (sim_nomem(S))
        len = 0; /* refused: the VM raises MemoryError */
    for (uint32_t r = 0; r < len; r++) {
        SimId t = sim_tuple(S, enumerate ? 2 : (size_t)k);
        if (enumerate) {
            sim_tuple_set(S, t, 0, sim_int(S, start + r));
            SimId v = sim_items(S, lists[0])[r];
            sim_incref(S, v);
            sim_tuple_set(S, t, 1, v);
        } else {
            for (int i = 0; i < k; i++) {
                SimId v = sim_items(S, lists[i])[r];
                sim_incref(S, v);
                sim_tuple_set(S, t, (size_t)i, v);
            }
        }
        sim_items(S, out)[r] = t;
    }
    for (int i = 0; i < k; i++)
        sim_decref(S, lists[i]);
    free(lists);
    SimId it = sim_iter(S, out);
    sim_decref(S, out);
    return it;
}

SimId iter_enumerate(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)kw;
    if (!bi_nargs(I, "enumerate", n, 1, 2))
        return 0;
    return pairs_list(I, a, n, true);
}

SimId iter_zip(PyRun *I, SimId *a, int n, SimId kw) { (void)kw; return pairs_list(I, a, n, false); }

SimId iter_reversed(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)kw;
    if (!bi_nargs(I, "reversed", n, 1, 1))
        return 0;
    if (sim_kind(S, a[0]) == SK_GEN || sim_kind(S, a[0]) == SK_ITER) { /* no __reversed__, no __len__ */
        py_raise(I, EXC_TypeError, "'%s' object is not reversible", op_typename(I, a[0]));
        return 0;
    }
    SimId l = bi_list_from(I, a[0]);
    if (!l)
        return 0;
    SimId *it = sim_items(S, l);
    for (uint32_t i = 0, j = sim_obj(S, l)->len; j > 0 && i < j - 1; i++, j--) {
        SimId t = it[i];
        it[i] = it[j - 1];
        it[j - 1] = t;
    }
    SimId r = sim_iter(S, l);
    sim_decref(S, l);
    return r;
}

/* ---- dict and set iterators: CPython's di_used check ------------------------
 * An iterator made by iter_new over a dict (or one of its views) or a set
 * keeps in datacap the size it saw + 1 and in v.iter.yielded how many entries it
 * has yielded (both unused by the sim for these iterators), so that
 * iter_next raises what CPython raises when the container changes under
 * the loop instead of looping on or stopping early. */

static bool watched(const SimObj *o)
{
    return o->kind == SK_ITER && (o->sub == SIM_IT_DICT || o->sub == SIM_IT_SET) && o->datacap &&
           !o->data && o->v.iter.seq;
}

SimId iter_new(PyRun *I, SimId obj)
{
    if (sim_kind(S, obj) == SK_GEN) { /* a generator is its own iterator */
        sim_incref(S, obj);
        return obj;
    }
    if (sim_kind(S, obj) == SK_INSTANCE) { /* a program's class: __iter__ */
        SimId r = dunder_iter(I, obj);
        return r == S->notimpl ? 0 : r;
    }
    SimId it = sim_iter(S, obj);
    if (!it || it == obj)
        return it;
    SimObj *o = sim_obj(S, it);
    if ((o->sub == SIM_IT_DICT || o->sub == SIM_IT_SET) && !o->data) {
        o->datacap = sim_obj(S, o->v.iter.seq)->len + 1;
        o->v.iter.yielded = 0;
    }
    return it;
}

SimId iter_next(PyRun *I, SimId it)
{
    if (sim_kind(S, it) == SK_GEN)
        return vm_gen_next(I, it);
    if (sim_kind(S, it) == SK_INSTANCE) /* __next__; StopIteration ends it */
        return dunder_next(I, it);
    SimObj *o = sim_obj(S, it);
    if (!watched(o))
        return sim_iter_next(S, it);
    bool dict = o->sub == SIM_IT_DICT;
    uint32_t used = o->datacap - 1;
    if (sim_obj(S, o->v.iter.seq)->len != used) {
        o->datacap = 0; /* raised once, as di_used = -1 */
        py_raise(I, EXC_RuntimeError, dict ? "dictionary changed size during iteration"
                                           : "Set changed size during iteration");
        return 0;
    }
    SimId v = sim_iter_next(S, it);
    o = sim_obj(S, it); /* the sim's tables may have moved */
    if (v && dict && o->v.iter.yielded >= used) { /* one more entry than the dict had: a key was swapped */
        sim_decref(S, v);
        o->datacap = 0;
        py_raise(I, EXC_RuntimeError, "dictionary keys changed during iteration");
        return 0;
    }
    if (v)
        o->v.iter.yielded++;
    return v;
}

int iter_step(PyRun *I, SimId it, SimId *out)
{
    uint64_t mark = I->nraised;
    *out = iter_next(I, it);
    if (*out)
        return 1;
    return I->err.set && (I->nraised != mark || I->refused) ? -1 : 0;
}
