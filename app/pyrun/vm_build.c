/*
 * vm_build: BUILD_SET and BUILD_MAP, the displays `{a, b}` and `{k: v}`.
 * CPython hashes and inserts one item at a time (PySet_Add in the loop of
 * BUILD_SET; _PyDict_FromItems), so a class's own __hash__ and __eq__ run
 * interleaved, and an error stops the display where it occurs.
 */
#include "pyrun/interp.h"

#define S (I->sim)

static void drop(PyRun *I, SimId *items, int from, int to)
{
    for (int i = from; i < to; i++)
        sim_decref(S, items[i]);
}

SimId vm_build_set(PyRun *I, SimId *items, int n)
{
    SimId r = sim_set(S);
    for (int i = 0; i < n; i++) {
        if (!py_hashable(I, items[i])) {
            drop(I, items, i, n);
            sim_decref(S, r);
            return 0;
        }
        sim_set_add(S, r, items[i]); /* takes the item, even when its __eq__ raised */
        if (I->ts->err.set) {
            drop(I, items, i + 1, n);
            sim_decref(S, r);
            return 0;
        }
    }
    return r;
}

SimId vm_build_map(PyRun *I, SimId *items, int n)
{
    bool str_keys = true; /* dict_new_presized: all-str keys get the smaller entries */
    for (int i = 0; i < n; i++)
        if (sim_kind(S, items[2 * i]) != SK_STR)
            str_keys = false;
    SimId r = sim_dict_presized(S, (size_t)n, str_keys);
    for (int i = 0; i < n; i++) {
        if (!py_hashable(I, items[2 * i])) {
            drop(I, items, 2 * i, 2 * n);
            sim_decref(S, r);
            return 0;
        }
        sim_dict_set(S, r, items[2 * i], items[2 * i + 1]); /* takes both */
        if (I->ts->err.set) {
            drop(I, items, 2 * i + 2, 2 * n);
            sim_decref(S, r);
            return 0;
        }
    }
    return r;
}
