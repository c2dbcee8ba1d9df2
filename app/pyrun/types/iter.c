/*
 * iterators: enumerate, zip and reversed (materialised into a list
 * iterator over tuples, as the model has one iterator kind).
 */
#include "pyrun/builtins.h"
#include "pyrun/types/types.h"

#define S (I->sim)

static SimId pairs_list(PyRun *I, SimId *a, int n, bool enumerate)
{
    SimId lists[8];
    int k = enumerate ? 1 : n;
    if (k > 8 || k < 1) {
        py_raise(I, "TypeError", "zip() supports 1 to 8 arguments in pydive");
        return 0;
    }
    uint32_t len = UINT32_MAX;
    for (int i = 0; i < k; i++) {
        lists[i] = bi_list_from(I, a[i]);
        if (!lists[i]) {
            for (int j = 0; j < i; j++)
                sim_decref(S, lists[j]);
            return 0;
        }
        if (sim_obj(S, lists[i])->len < len)
            len = sim_obj(S, lists[i])->len;
    }
    int64_t start = 0;
    if (enumerate && n > 1 && !bi_int_arg(I, a[1], &start))
        return 0;
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
